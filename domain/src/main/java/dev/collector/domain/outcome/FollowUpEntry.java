package dev.collector.domain.outcome;

import java.time.Instant;
import java.util.Objects;

/**
 * A follow-up task of a case as its history shows it: what was (or is to be) done, by when, and how
 * far it got.
 *
 * @param kind   SMS, EMAIL, LETTER or CALL
 * @param status PENDING, SENT, QUEUED, DONE, ESCALATED, CANCELLED ...
 * @param queue  the work queue a person takes it from; empty for messages sent by themselves
 */
public record FollowUpEntry(String taskId, String kind, String rule, Instant dueAt, Instant deadline, String status,
                            String queue) {
    public FollowUpEntry {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(queue, "queue");
    }
}
