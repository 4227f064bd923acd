package dev.collector.followups.store;

import java.time.Instant;

/** A task that missed its SLA (or could not be sent) and was moved on: what the supervisor sees. */
public record Escalation(Instant escalatedAt, String taskId, String caseId, String kind, String rule, String fromQueue,
        String toQueue, String reason) {
}
