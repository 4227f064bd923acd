package dev.collector.routing.affinity;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent a debtor should speak to again.
 *
 * @param since when the outcome that made it was recorded (the later outcome wins)
 */
public record Affinity(String debtorId, String agentId, Instant since) {
    public Affinity {
        Objects.requireNonNull(debtorId, "debtorId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(since, "since");
    }
}
