package dev.collector.crmbridge.updates;

import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.domain.casework.CallList;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * A number of the case is not the debtor's or does not work: an INVALID_NUMBER hold on it, so the
 * dialer tries the case's other numbers (and holds the case when none is left). The number stays in
 * the case, so that adding it again later simply lifts the hold.
 */
record NumberInvalidated(String debtorId, String phoneNumber, String source, Instant at) implements CaseChange {

    @Override
    public CompletionStage<Void> applyTo(CallList callList, ContactRestrictions restrictions) {
        return restrictions.placeHold(debtorId, new Hold(HoldReason.INVALID_NUMBER, phoneNumber, source, at));
    }
}
