package dev.collector.console;

import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** The call list as the console's tests need it: cases by id; the real one is Hazelcast in case-queue. */
public final class InMemoryCallList implements CallList {
    private final Map<String, Case> cases = new ConcurrentHashMap<>();
    private final Map<String, Case> waiting = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> admit(Case aCase) {
        cases.put(aCase.caseId(), aCase);
        waiting.put(aCase.caseId(), aCase);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Optional<Case>> takeNext(String campaignId) {
        Optional<Case> next = waiting.values().stream()
                .filter(c -> c.campaignId().equals(campaignId))
                .max(Comparator.comparingInt(Case::priority));
        next.ifPresent(c -> waiting.remove(c.caseId()));
        return CompletableFuture.completedFuture(next);
    }

    @Override
    public CompletionStage<Optional<Case>> find(String caseId) {
        return CompletableFuture.completedFuture(Optional.ofNullable(cases.get(caseId)));
    }

    @Override
    public CompletionStage<Integer> waiting(String campaignId) {
        return CompletableFuture.completedFuture(
                (int) waiting.values().stream().filter(c -> c.campaignId().equals(campaignId)).count());
    }
}
