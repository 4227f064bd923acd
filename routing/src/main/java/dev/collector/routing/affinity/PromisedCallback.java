package dev.collector.routing.affinity;

import java.time.Instant;

/** A debtor asked this agent to call back at this time. */
public record PromisedCallback(String debtorId, String agentId, Instant at, Instant recordedAt) {
}
