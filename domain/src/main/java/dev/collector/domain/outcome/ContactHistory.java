package dev.collector.domain.outcome;

import dev.collector.domain.call.CallAttempt;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Every touch of a case, kept for good: call attempts and the outcomes agents record.
 * Writes are idempotent by attempt id. Implemented over Cassandra in outcome-store.
 */
public interface ContactHistory {

    CompletionStage<Void> recordAttempt(CallAttempt attempt);

    CompletionStage<Void> recordOutcome(Outcome outcome);

    /** The case's attempts, oldest first. */
    CompletionStage<List<CallAttempt>> attemptsOf(String caseId);

    /** The case's outcomes, oldest first. */
    CompletionStage<List<Outcome>> outcomesOf(String caseId);
}
