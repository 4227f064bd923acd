package dev.collector.crmbridge.updates;

import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A number to reach the debtor on, tried after the case's others. A number found invalid before
 * (by the dialer, an agent or the CRM) is trusted again: the CRM vouches for it now. A case held for
 * want of a valid number is looked at again.
 *
 * @param phoneNumber E.164
 * @param received    when the CRM told us: the time of the case's newer version
 */
record NumberAdded(Case aCase, String phoneNumber, Instant received) implements CaseChange {

    @Override
    public CompletionStage<Void> applyTo(CallList callList, ContactRestrictions restrictions) {
        CompletionStage<Void> added = aCase.phoneNumbers().contains(phoneNumber)
                ? CompletableFuture.completedFuture(null)
                : callList.admit(withNumber());
        return added.thenCompose(done ->
                restrictions.liftHold(aCase.debtor().debtorId(), HoldReason.INVALID_NUMBER, phoneNumber));
    }

    Case withNumber() {
        List<String> numbers = new ArrayList<>(aCase.phoneNumbers());
        numbers.add(phoneNumber);
        return new Case(aCase.caseId(), aCase.campaignId(), aCase.debtor(), aCase.claims(), numbers,
                aCase.timeZone(), aCase.priority(), received, aCase.version(), aCase.language(), aCase.flags());
    }
}
