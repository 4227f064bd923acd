package dev.collector.routing.desktop;

import dev.collector.domain.casework.Case;
import dev.collector.domain.outcome.Outcome;
import java.util.List;

/** What an agent's screen shows as a call connects: the case and what happened before. */
public record ScreenPop(String agentId, String attemptId, String phoneNumber, Case aCase, List<Outcome> previousOutcomes) {
    public ScreenPop {
        previousOutcomes = List.copyOf(previousOutcomes);
    }
}
