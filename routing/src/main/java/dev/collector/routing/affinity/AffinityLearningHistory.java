package dev.collector.routing.affinity;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.Outcome;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The contact history with the affinity index listening: the dialer reads each case's outcomes as
 * it dials (for the screen pop), so by the time the debtor answers the index knows who succeeded
 * with him; an outcome is learnt once it is stored, so a failed write teaches nothing.
 */
public final class AffinityLearningHistory implements ContactHistory {

    private final ContactHistory history;
    private final AffinityIndex index;

    public AffinityLearningHistory(ContactHistory history, AffinityIndex index) {
        this.history = history;
        this.index = index;
    }

    @Override
    public CompletionStage<Void> recordAttempt(CallAttempt attempt) {
        return history.recordAttempt(attempt);
    }

    @Override
    public CompletionStage<Void> recordOutcome(Outcome outcome) {
        return history.recordOutcome(outcome).thenApply(done -> {
            index.learn(outcome);
            return done;
        });
    }

    @Override
    public CompletionStage<List<CallAttempt>> attemptsOf(String caseId) {
        return history.attemptsOf(caseId);
    }

    @Override
    public CompletionStage<List<Outcome>> outcomesOf(String caseId) {
        return history.outcomesOf(caseId).thenApply(outcomes -> {
            index.learnAll(outcomes);
            return outcomes;
        });
    }
}
