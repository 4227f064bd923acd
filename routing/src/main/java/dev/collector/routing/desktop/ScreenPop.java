package dev.collector.routing.desktop;

import dev.collector.domain.casework.Case;
import dev.collector.domain.outcome.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an agent's screen shows as a call connects: the case and what happened before.
 *
 * @param bridgedAt when the debtor was bridged to the agent: the page measures the screen pop's
 *                  delay from it (the goal is under 100 ms)
 */
public record ScreenPop(String agentId, String attemptId, String phoneNumber, Case aCase, List<Outcome> previousOutcomes,
                        Instant bridgedAt) {
    public ScreenPop {
        previousOutcomes = List.copyOf(previousOutcomes);
        Objects.requireNonNull(bridgedAt, "bridgedAt");
    }

    /**
     * A pop made as the bridge happens. Wall-clock time on purpose, not the injected clock: the
     * delay is measured against the browser's wall clock.
     */
    public ScreenPop(String agentId, String attemptId, String phoneNumber, Case aCase, List<Outcome> previousOutcomes) {
        this(agentId, attemptId, phoneNumber, aCase, previousOutcomes, Instant.now());
    }
}
