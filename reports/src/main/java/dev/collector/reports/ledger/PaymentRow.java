package dev.collector.reports.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment the CRM reported on a case.
 *
 * @param paymentId unique per payment (the CRM update's id), so a resent update counts once
 * @param agentId   the agent of the case's latest promise, empty when none
 */
public record PaymentRow(String paymentId, String caseId, String campaignId, String agentId, String team,
        String segment, String strategy, boolean champion, BigDecimal amount, Instant paidAt) {

    public PaymentRow {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paidAt, "paidAt");
    }
}
