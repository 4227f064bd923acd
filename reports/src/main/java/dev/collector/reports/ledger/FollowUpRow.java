package dev.collector.reports.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A follow-up task (SMS, e-mail, letter, call from a work queue) as reports read it.
 *
 * @param channel   the task's kind: SMS, EMAIL, LETTER, CALL
 * @param status    PENDING, QUEUED, DONE, SUPPRESSED or ESCALATED
 * @param deadline  its SLA: done by then or escalated
 * @param updatedAt when it was last changed; for a DONE task, when it was done (nothing changes a
 *                  done task again)
 * @param agentId   the agent it belongs to (or who recorded the outcome behind it), empty when none
 * @param actionCost what the strategy's action costs when carried out (the strategy book's cost),
 *                  zero for tasks planned by the follow-up rules
 */
public record FollowUpRow(String taskId, String caseId, String campaignId, String agentId, String channel,
        String status, Instant createdAt, Instant deadline, Instant updatedAt, BigDecimal actionCost) {

    public FollowUpRow {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(actionCost, "actionCost");
    }

    /** Not carried out on purpose (the case closed, a hold forbids contact): no SLA is owed. */
    public boolean suppressed() {
        return status.equals("SUPPRESSED");
    }

    public boolean done() {
        return status.equals("DONE");
    }

    /** Done by its deadline. */
    public boolean slaMet() {
        return done() && !updatedAt.isAfter(deadline);
    }

    /**
     * Whether the task's SLA can be judged at {@code asOf}: its deadline has passed, or it is done
     * already (met or not, nothing changes that).
     */
    public boolean slaJudgedAt(Instant asOf) {
        return !suppressed() && (done() || !deadline.isAfter(asOf));
    }
}
