package dev.collector.crmbridge.updates;

import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.domain.casework.CallList;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * The debtor asked not to be contacted, or withdrew that request: a CEASE_CONTACT hold on the
 * debtor, which keeps every case of the debtor, in every campaign, from being called.
 *
 * @param requested whether the hold is placed (requested) or lifted (withdrawn)
 */
record CeaseContact(boolean requested, String debtorId, String source, Instant at) implements CaseChange {

    @Override
    public CompletionStage<Void> applyTo(CallList callList, ContactRestrictions restrictions) {
        return requested
                ? restrictions.placeHold(debtorId, new Hold(HoldReason.CEASE_CONTACT, debtorId, source, at))
                : restrictions.liftHold(debtorId, HoldReason.CEASE_CONTACT, debtorId);
    }
}
