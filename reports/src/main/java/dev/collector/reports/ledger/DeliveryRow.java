package dev.collector.reports.ledger;

import java.time.Instant;

/** One try at sending a follow-up message (SMS, e-mail) and whether the gateway took it. */
public record DeliveryRow(String taskId, Instant attemptedAt, String channel, boolean delivered) {
}
