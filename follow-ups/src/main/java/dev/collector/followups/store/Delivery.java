package dev.collector.followups.store;

import java.time.Instant;

/** One try at sending a message and what came of it. */
public record Delivery(String taskId, Instant attemptedAt, String channel, boolean delivered, String detail) {
}
