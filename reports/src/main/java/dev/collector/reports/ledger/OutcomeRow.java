package dev.collector.reports.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One recorded outcome as reports read it; the promise columns only for PROMISE_TO_PAY. */
public record OutcomeRow(String attemptId, String caseId, String campaignId, String agentId, String team,
        String segment, String strategy, boolean champion, String channel, String disposition,
        Optional<BigDecimal> promisedAmount, Optional<LocalDate> promisedFor, Instant recordedAt) {
}
