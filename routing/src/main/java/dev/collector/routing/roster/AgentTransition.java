package dev.collector.routing.roster;

import java.time.Instant;
import java.util.Optional;

/**
 * One change of an agent's state, as kept for the supervisor and the day's reports (time per state,
 * pause time per reason, handling times).
 */
public record AgentTransition(String agentId, AgentState from, AgentState to, Instant at, String action,
                              Optional<String> attemptId, Optional<String> pauseReason) {

    @Override
    public String toString() {
        return agentId + " " + from + " -> " + to + " at " + at + " (" + action
                + attemptId.map(a -> ", attempt " + a).orElse("")
                + pauseReason.map(r -> ", reason " + r).orElse("") + ")";
    }
}
