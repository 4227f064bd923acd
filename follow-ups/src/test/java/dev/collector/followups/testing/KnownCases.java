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

    @Override
    public CompletionStage<Optional<CaseFact>> current(String caseId) {
        return CompletableFuture.completedFuture(Optional.ofNullable(cases.get(caseId)));
    }
}
