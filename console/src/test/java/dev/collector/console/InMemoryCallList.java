package dev.collector.console;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.DialLease;
import dev.collector.domain.outcome.Outcome;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The call list as the console's tests need it: cases by id, no guard, no retries; the real one is
 * Hazelcast in case-queue.
 */
public final class InMemoryCallList implements CallList {
    private final Map<String, Case> cases = new ConcurrentHashMap<>();
    private final Map<String, Case> waiting = new ConcurrentHashMap<>();
    public final List<Outcome> dispositions = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Void> admit(Case aCase) {
        cases.put(aCase.caseId(), aCase);
        waiting.put(aCase.caseId(), aCase);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Optional<DialLease>> leaseNext(String campaignId) {
        Optional<Case> next = waiting.values().stream()
                .filter(c -> c.campaignId().equals(campaignId))
                .max(Comparator.comparingInt(Case::priority));
        next.ifPresent(c -> waiting.remove(c.caseId()));
        Instant now = Instant.now();
        return CompletableFuture.completedFuture(next.map(c -> new DialLease(UUID.randomUUID().toString(), c,
                c.primaryPhone(), "test", now, now.plusSeconds(120))));
    }

    @Override
    public CompletionStage<Void> notDialed(DialLease lease) {
        waiting.put(lease.caseId(), lease.aCase());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> callEnded(DialLease lease, CallAttempt attempt) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> dispositionRecorded(Outcome outcome) {
        dispositions.add(outcome);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Boolean> postpone(String caseId, Instant until, String reason) {
        return CompletableFuture.completedFuture(waiting.remove(caseId) != null);
    }

    @Override
    public CompletionStage<Void> cancel(String caseId, String reason) {
        waiting.remove(caseId);
        return CompletableFuture.completedFuture(null);
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
