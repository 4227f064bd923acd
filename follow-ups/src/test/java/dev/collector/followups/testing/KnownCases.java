package dev.collector.followups.testing;

import dev.collector.followups.cases.CaseFact;
import dev.collector.followups.cases.CaseFacts;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Cases as the call list would report them; a test changes them (a payment, a hold) as the CRM would. */
public final class KnownCases implements CaseFacts {

    private final Map<String, CaseFact> cases = new ConcurrentHashMap<>();

    public void put(CaseFact fact) {
        cases.put(fact.aCase().caseId(), fact);
    }

    /** The debtor's e-mail address as this call list gives it. */
    public Optional<String> email(String caseId) {
        return Optional.ofNullable(cases.get(caseId)).flatMap(CaseFact::email);
    }

    private final java.util.concurrent.atomic.AtomicInteger failuresLeft = new java.util.concurrent.atomic.AtomicInteger();

    /** The next {@code reads} reads fail, as they do while the call list or Cassandra is unreachable. */
    public void failNext(int reads) {
        failuresLeft.set(reads);
    }

    /** How many of the failures asked for are still to come. */
    public int failuresLeft() {
        return Math.max(0, failuresLeft.get());
    }

    @Override
    public CompletionStage<Optional<CaseFact>> current(String caseId) {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("the call list is unreachable"));
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(cases.get(caseId)));
    }
}
