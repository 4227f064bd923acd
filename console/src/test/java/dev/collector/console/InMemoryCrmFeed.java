package dev.collector.console;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.CrmFeed;
import dev.collector.domain.outcome.Outcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What would go back to the CRM, kept for the tests to look at. */
public final class InMemoryCrmFeed implements CrmFeed {
    public final List<CallAttempt> attempts = new CopyOnWriteArrayList<>();
    public final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

    @Override
    public void attemptEnded(CallAttempt attempt) {
        attempts.add(attempt);
    }

    @Override
    public void outcomeRecorded(Outcome outcome) {
        outcomes.add(outcome);
    }
}
