package dev.collector.followups.task;

import dev.collector.domain.outcome.Disposition;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One next step for a case: a message to send or a piece of work for a person, due at a time and
 * owed by a deadline (its SLA).
 *
 * @param taskId   derived from what caused it (outcome and rule), so that planning twice makes it once
 * @param queue    the work queue a person takes it from (letters, calls); for messages, where it goes
 *                 if it must be done by hand
 * @param escalateTo the queue it moves to when it misses its deadline
 * @param promise  the promise it is about, if any (its amount and date fill the templates)
 */
public record FollowUpTask(
        String taskId,
        String caseId,
        String debtorId,
        String campaignId,
        String agentId,
        String rule,
        TaskKind kind,
        String template,
        String queue,
        String escalateTo,
        Instant dueAt,
        Instant deadline,
        TaskStatus status,
        int attempts,
        String lastError,
        Optional<Disposition.PromiseToPay> promise,
        Instant createdAt) {

    public FollowUpTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(debtorId, "debtorId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(escalateTo, "escalateTo");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(promise, "promise");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public FollowUpTask withStatus(TaskStatus newStatus) {
        return new FollowUpTask(taskId, caseId, debtorId, campaignId, agentId, rule, kind, template, queue, escalateTo,
                dueAt, deadline, newStatus, attempts, lastError, promise, createdAt);
    }

    /** A failed try: counted, with why, and due again at {@code next}. */
    public FollowUpTask failedTry(String error, Instant next) {
        return new FollowUpTask(taskId, caseId, debtorId, campaignId, agentId, rule, kind, template, queue, escalateTo,
                next, deadline, TaskStatus.PENDING, attempts + 1, error, promise, createdAt);
    }

    public FollowUpTask dueAgainAt(Instant next) {
        return new FollowUpTask(taskId, caseId, debtorId, campaignId, agentId, rule, kind, template, queue, escalateTo,
                next, deadline, status, attempts, lastError, promise, createdAt);
    }

    /** Due later for a reason of ours (quiet hours): its deadline moves by as much. */
    public FollowUpTask deferredTo(Instant next) {
        Instant newDeadline = deadline.plus(java.time.Duration.between(dueAt, next));
        return new FollowUpTask(taskId, caseId, debtorId, campaignId, agentId, rule, kind, template, queue, escalateTo,
                next, newDeadline, status, attempts, lastError, promise, createdAt);
    }

    public FollowUpTask movedTo(String newQueue, TaskStatus newStatus, String why) {
        return new FollowUpTask(taskId, caseId, debtorId, campaignId, agentId, rule, kind, template, newQueue,
                escalateTo, dueAt, deadline, newStatus, attempts, why, promise, createdAt);
    }
}
