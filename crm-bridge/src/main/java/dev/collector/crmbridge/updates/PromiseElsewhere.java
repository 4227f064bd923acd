package dev.collector.crmbridge.updates;

import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.domain.casework.CallList;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.CompletionStage;

/**
 * The debtor promised the creditor to pay by a day, outside our calls. Calling before the promise
 * falls due would only annoy; the morning after, the payment has arrived (and the CRM says so) or
 * the promise is broken and the case is worked again.
 *
 * @param zone the debtor's: the promised day and the follow-up are the debtor's local ones
 */
record PromiseElsewhere(String caseId, BigDecimal amount, String currency, LocalDate promisedFor, ZoneId zone)
        implements CaseChange {

    /** Late enough for the morning's bookings to be known, early enough to call the same day. */
    static final LocalTime FOLLOW_UP_TIME = LocalTime.of(10, 0);

    Instant followUpAt() {
        return promisedFor.plusDays(1).atTime(FOLLOW_UP_TIME).atZone(zone).toInstant();
    }

    @Override
    public CompletionStage<Void> applyTo(CallList callList, ContactRestrictions restrictions) {
        return callList.postpone(caseId, followUpAt(), "promise made elsewhere: " + amount.toPlainString() + " "
                + currency + " by " + promisedFor).thenApply(postponed -> null);
    }
}
