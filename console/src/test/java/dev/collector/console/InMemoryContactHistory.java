package dev.collector.console;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Contact history in memory, idempotent by attempt id like the Cassandra one in outcome-store.
 * Completes its stages on a thread of its own, as a database driver would, so the console's hop
 * back onto its event loop is exercised.
 */
public final class InMemoryContactHistory implements ContactHistory {
    private final Map<String, CallAttempt> attempts = new LinkedHashMap<>();
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

    @Override
    public CompletionStage<Void> recordAttempt(CallAttempt attempt) {
        return CompletableFuture.runAsync(() -> {
            synchronized (this) {
                attempts.put(attempt.attemptId(), attempt);
            }
        });
    }

    @Override
    public CompletionStage<Void> recordOutcome(Outcome outcome) {
        return CompletableFuture.runAsync(() -> {
            synchronized (this) {
                outcomes.put(outcome.attemptId(), outcome);
            }
        });
    }

    @Override
    public synchronized CompletionStage<List<CallAttempt>> attemptsOf(String caseId) {
        return CompletableFuture.completedFuture(
                attempts.values().stream().filter(a -> a.caseId().equals(caseId)).toList());
    }

    @Override
    public synchronized CompletionStage<List<Outcome>> outcomesOf(String caseId) {
        return CompletableFuture.completedFuture(
                outcomes.values().stream().filter(o -> o.caseId().equals(caseId)).toList());
    }

    public synchronized Optional<Outcome> outcome(String attemptId) {
        return Optional.ofNullable(outcomes.get(attemptId));
    }

    public synchronized List<Outcome> outcomes() {
        return new ArrayList<>(outcomes.values());
    }
}
