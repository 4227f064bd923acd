package dev.collector.casequeue;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.CallList;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The call list kept in Hazelcast: a map of cases by id and, per campaign, a priority queue of
 * the cases waiting to be dialed. Hazelcast queues have no asynchronous API, so queue calls run
 * on the given executor (a worker pool), never on the caller's thread.
 */
public final class HazelcastCallList implements CallList {

    static final String QUEUE_PREFIX = "campaign-queue.";
    static final String CASES = "cases";

    private final HazelcastInstance hazelcast;
    private final Executor worker;
    private final IMap<String, Case> cases;
    private final FlakeIdGenerator admissions;

    public HazelcastCallList(HazelcastInstance hazelcast, Executor worker) {
        this.hazelcast = hazelcast;
        this.worker = worker;
        this.cases = hazelcast.getMap(CASES);
        // Flake ids grow with time across members: enough to break ties between equal priorities.
        this.admissions = hazelcast.getFlakeIdGenerator("case-admissions");
    }

    @Override
    public CompletionStage<Void> admit(Case aCase) {
        return CompletableFuture.runAsync(() -> {
            Case previous = cases.put(aCase.caseId(), aCase);
            // A resubmitted case replaces the waiting version without queueing it twice.
            if (previous == null) {
                queueOf(aCase.campaignId()).offer(
                        new QueuedCase(aCase.caseId(), aCase.priority(), admissions.newId()));
            }
        }, worker);
    }

    @Override
    public CompletionStage<Optional<Case>> takeNext(String campaignId) {
        return CompletableFuture.supplyAsync(() -> {
            QueuedCase next = queueOf(campaignId).poll();
            return next == null ? Optional.<Case>empty() : Optional.ofNullable(cases.get(next.caseId()));
        }, worker);
    }

    @Override
    public CompletionStage<Optional<Case>> find(String caseId) {
        return cases.getAsync(caseId).thenApply(Optional::ofNullable);
    }

    @Override
    public CompletionStage<Integer> waiting(String campaignId) {
        return CompletableFuture.supplyAsync(() -> queueOf(campaignId).size(), worker);
    }

    private com.hazelcast.collection.IQueue<QueuedCase> queueOf(String campaignId) {
        return hazelcast.getQueue(QUEUE_PREFIX + campaignId);
    }
}
