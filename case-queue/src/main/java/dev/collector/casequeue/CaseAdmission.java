package dev.collector.casequeue;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.transitions.AdmitCases;
import dev.collector.domain.casework.Admission;
import dev.collector.domain.casework.Case;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * Admitting a batch of cases into the call list (a CRM's bulk load, or one case).
 *
 * <p>Every case of the batch gets a fresh queue entry, all of a campaign's in one step and in
 * list order (equal ranks keep that order through their tickets); then the cases are admitted
 * by one entry processor per partition, all partitions at once. A case that does not take its
 * entry (it is in a call, scheduled or closed) leaves a stale entry, dropped when it comes up:
 * cheaper than reading the batch first to find out. Queue entries first, state second, as
 * everywhere: a crash in between leaves stale entries, never a waiting case missing from its
 * queue.
 */
final class CaseAdmission {

    private final HazelcastCallList callList;
    private final HazelcastInstance hazelcast;
    private final IMap<String, CaseEntry> cases;
    private final FlakeIdGenerator tickets;
    private final Executor worker;

    CaseAdmission(HazelcastCallList callList, HazelcastInstance hazelcast, IMap<String, CaseEntry> cases,
            FlakeIdGenerator tickets, Executor worker) {
        this.callList = callList;
        this.hazelcast = hazelcast;
        this.cases = cases;
        this.tickets = tickets;
        this.worker = worker;
    }

    CompletionStage<List<Admission>> admitAll(List<Case> batch, Predicate<Case> mayReplaceHeld) {
        Set<String> ids = new HashSet<>(batch.size() * 2);
        for (Case aCase : batch) {
            if (!ids.add(aCase.caseId())) {
                throw new IllegalArgumentException("case " + aCase.caseId() + " twice in one batch");
            }
        }
        return CompletableFuture.supplyAsync(() -> offerQueueEntries(batch), worker)
                .thenCompose(offered -> {
                    // The submitter's own campaigns: those it submits to. A case held elsewhere
                    // comes back to be asked about.
                    Set<String> submittedTo = new HashSet<>();
                    batch.forEach(c -> submittedTo.add(c.campaignId()));
                    return admitSlices(offered, submittedTo).thenCompose(results ->
                            admitMovedCases(offered, results, mayReplaceHeld));
                })
                .thenApply(results -> batch.stream().map(c -> admissionOf(c, results.get(c.caseId()))).toList());
    }

    private Map<String, AdmitCases.Admission> offerQueueEntries(List<Case> batch) {
        Map<String, List<QueuedCase>> offers = new LinkedHashMap<>();
        Map<String, AdmitCases.Admission> offered = new LinkedHashMap<>(batch.size() * 2);
        LocalDate today = LocalDate.now(callList.clock());
        for (Case aCase : batch) {
            long rank = CaseRanking.rankOf(aCase, today);
            long ticket = tickets.newId();
            offers.computeIfAbsent(aCase.campaignId(), c -> new ArrayList<>())
                    .add(new QueuedCase(aCase.caseId(), rank, ticket));
            offered.put(aCase.caseId(), new AdmitCases.Admission(aCase, ticket, rank));
        }
        offers.forEach((campaignId, entries) -> callList.queueOf(campaignId).addAll(entries));
        return offered;
    }

    /**
     * One {@code submitToKeys} per partition. Not one for the whole batch, even on a lone member
     * without backups: there every partition's operation walks the whole key set to find its own
     * keys, and a run of one call per batch cost three times the CPU of one per partition.
     */
    private CompletableFuture<Map<String, AdmitCases.Result>> admitSlices(
            Map<String, AdmitCases.Admission> admissions, Set<String> replaceableCampaigns) {
        Map<Integer, Map<String, AdmitCases.Admission>> byPartition = new HashMap<>();
        admissions.forEach((caseId, admission) -> byPartition
                .computeIfAbsent(hazelcast.getPartitionService().getPartition(caseId).getPartitionId(),
                        p -> new HashMap<>())
                .put(caseId, admission));
        Map<String, AdmitCases.Result> results = new ConcurrentHashMap<>(admissions.size() * 2);
        List<CompletableFuture<?>> slices = new ArrayList<>(byPartition.size());
        for (Map<String, AdmitCases.Admission> slice : byPartition.values()) {
            slices.add(cases.submitToKeys(slice.keySet(), new AdmitCases(slice, replaceableCampaigns))
                    .toCompletableFuture().thenAccept(encoded -> encoded.forEach((caseId, result) ->
                            results.put(caseId, AdmitCases.Result.decode(result)))));
        }
        return CompletableFuture.allOf(slices.toArray(CompletableFuture[]::new)).thenApply(done -> results);
    }

    /** Cases held in a campaign the batch did not name: moved if the submitter may, else left. */
    private CompletionStage<Map<String, AdmitCases.Result>> admitMovedCases(
            Map<String, AdmitCases.Admission> offered, Map<String, AdmitCases.Result> results,
            Predicate<Case> mayReplaceHeld) {
        Map<String, AdmitCases.Admission> moving = new HashMap<>();
        Set<String> fromCampaigns = new HashSet<>();
        results.forEach((caseId, result) -> {
            if (result.outcome() == AdmitCases.Result.Outcome.HELD_IN_OTHER_CAMPAIGN) {
                AdmitCases.Admission admission = offered.get(caseId);
                Case held = withCampaign(admission.aCase(), result.heldCampaign());
                if (mayReplaceHeld.test(held)) {
                    moving.put(caseId, admission);
                    fromCampaigns.add(result.heldCampaign());
                }
            }
        });
        if (moving.isEmpty()) {
            return CompletableFuture.completedFuture(results);
        }
        Set<String> replaceable = new HashSet<>(fromCampaigns);
        moving.values().forEach(a -> replaceable.add(a.aCase().campaignId()));
        return admitSlices(moving, replaceable).thenApply(moved -> {
            results.putAll(moved);
            return results;
        });
    }

    /** What the ownership check needs of a held case: its id and its campaign. */
    private static Case withCampaign(Case submitted, String campaignId) {
        return new Case(submitted.caseId(), campaignId, submitted.debtor(), submitted.claims(),
                submitted.phoneNumbers(), submitted.timeZone(), submitted.priority(), submitted.receivedAt(),
                submitted.version());
    }

    private static Admission admissionOf(Case aCase, AdmitCases.Result result) {
        switch (result.outcome()) {
            case ADMITTED_NEW:
                return new Admission.Admitted(aCase.caseId(), true);
            case ADMITTED:
                return new Admission.Admitted(aCase.caseId(), false);
            case STALE_VERSION:
                return new Admission.StaleVersion(aCase.caseId(), aCase.version(), result.heldVersion());
            default:
                return new Admission.HeldElsewhere(aCase.caseId());
        }
    }
}
