package dev.collector.app.strategies;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.Outcome;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The contact history every writer uses, re-segmenting a case once its attempt or outcome is kept. */
final class SegmentingContactHistory implements ContactHistory {

    private final ContactHistory history;
    private final StrategyRecording recording;

    SegmentingContactHistory(ContactHistory history, StrategyRecording recording) {
        this.history = history;
        this.recording = recording;
    }

    @Override
    public CompletionStage<Void> recordAttempt(CallAttempt attempt) {
        return history.recordAttempt(attempt).thenApply(done -> {
            recording.attempt(attempt);
            return done;
        });
    }

    @Override
    public CompletionStage<Void> recordOutcome(Outcome outcome) {
        return history.recordOutcome(outcome).thenApply(done -> {
            recording.outcome(outcome);
            return done;
        });
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
