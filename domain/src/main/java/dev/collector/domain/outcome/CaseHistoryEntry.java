package dev.collector.domain.outcome;

import dev.collector.domain.call.CallAttempt;
import java.util.Objects;
import java.util.Optional;

/** One call attempt of a case and the agent's disposition of it, if one was recorded. */
public record CaseHistoryEntry(CallAttempt attempt, Optional<Outcome> outcome) {

    public CaseHistoryEntry {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(outcome, "outcome");
    }
}
