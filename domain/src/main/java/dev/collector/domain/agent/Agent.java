package dev.collector.domain.agent;

import java.util.Objects;

/**
 * A collector who takes calls.
 *
 * @param endpoint how the PBX reaches the agent's phone, e.g. {@code PJSIP/agent-17} or
 *                 {@code Local/101@agents}
 */
public record Agent(String agentId, String name, String endpoint) {
    public Agent {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
