package dev.collector.followups;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.Outcome;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The contact history, with follow-ups planned from every attempt and outcome once it is recorded.
 * Planning runs on the engine's thread: the caller (an agent's disposition, the dialer) does not
 * wait for it.
 */
public final class FollowingUpContactHistory implements ContactHistory {

    private final ContactHistory history;
    private final FollowUpEngine engine;

    public FollowingUpContactHistory(ContactHistory history, FollowUpEngine engine) {
        this.history = history;
        this.engine = engine;
    }

    @Override
    public CompletionStage<Void> recordAttempt(CallAttempt attempt) {
        return history.recordAttempt(attempt).thenRun(() -> engine.attemptRecorded(attempt));
    }

    @Override
    public CompletionStage<Void> recordOutcome(Outcome outcome) {
        return history.recordOutcome(outcome).thenRun(() -> engine.outcomeRecorded(outcome));
    }

    @Override
    public CompletionStage<List<CallAttempt>> attemptsOf(String caseId) {
        return history.attemptsOf(caseId);
    }

    @Override
    public CompletionStage<List<Outcome>> outcomesOf(String caseId) {
        return history.outcomesOf(caseId);
    }
}
