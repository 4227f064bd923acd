package dev.collector.followups.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A promise waiting for its date.
 *
 * @param dueThen what the case owed when the promise was made: a payment shows as less owed now
 */
public record WatchedPromise(LocalDate dueDate, String caseId, String attemptId, String debtorId, String campaignId,
        String agentId, BigDecimal amount, BigDecimal dueThen, ZoneId timeZone, boolean checked) {
}
