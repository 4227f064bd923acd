package dev.collector.routing.desktop;

import dev.collector.domain.casework.Case;
import dev.collector.domain.outcome.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A case shown to an agent before it is dialed (preview mode): the agent dials or skips it, and at
 * {@code dialsAt} it is dialed for him if he has done neither.
 */
public record PreviewOffer(String agentId, String attemptId, String phoneNumber, Case aCase,
                           List<Outcome> previousOutcomes, Instant dialsAt) {
    public PreviewOffer {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(aCase, "aCase");
        Objects.requireNonNull(dialsAt, "dialsAt");
        previousOutcomes = List.copyOf(previousOutcomes);
    }
}
