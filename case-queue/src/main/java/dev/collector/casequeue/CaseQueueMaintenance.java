package dev.collector.casequeue;

import com.hazelcast.cluster.Member;
import com.hazelcast.query.Predicates;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.casequeue.transitions.EndDial;
import dev.collector.casequeue.transitions.RenewLease;
import dev.collector.casequeue.transitions.Requeue;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call list's clockwork, run on every member for the cases that member owns (so no two members
 * do the same work): renews this node's leases, returns to the queue the cases whose lease lapsed
 * (holder gone from the cluster, or silent past the lease's end), and puts scheduled cases that fell
 * due back in the queue. Retries are entries in the shared (and stored) case map, not timers: a
 * restart loses none, and a case due while every node was down is due at the first run after.
 */
public final class CaseQueueMaintenance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CaseQueueMaintenance.class);

    private final HazelcastCallList callList;
    private ScheduledExecutorService timer;
    private Instant lastRenewal = Instant.MIN;
    /** The members seen by the previous pass; null before the first. */
    private Set<String> lastMembers;
    /** Set when a member left; cleared by a scan that started with every partition settled. */
    private boolean scanUntilPartitionsSettle;

    CaseQueueMaintenance(HazelcastCallList callList) {
        this.callList = callList;
    }

    public CaseQueueMaintenance start() {
        long every = callList.settings().maintenanceEvery().toMillis();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "case-queue-maintenance");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            if (!callList.hazelcast().getLifecycleService().isRunning()) {
                log.info("Hazelcast member stopped; case queue maintenance stops too");
                timer.shutdown();
                return;
            }
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("Case queue maintenance failed; next run in {} ms", every, e);
            }
        }, 0, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One pass; what the timer runs. Public so that tests with a simulated clock can step it. */
    public Report runOnce() {
        Instant now = callList.clock().instant();
        int renewed = renewOwnLeases(now);
        Set<String> members = callList.hazelcast().getCluster().getMembers().stream()
                .map(Member::getUuid).map(Object::toString).collect(Collectors.toSet());
        int reclaimed = reclaimLeasesOfGoneMembers(members);
        int promoted = 0;
        // One indexed question for both kinds of work: which cases have woken up (a retry due,
        // a lease ended).
        for (String caseId : callList.cases().localKeySet(
                Predicates.lessEqual("wakeAtMillis", now.toEpochMilli()))) {
            CaseEntry entry = callList.cases().get(caseId);
            if (entry == null) {
                continue;
            }
            if (entry.status() == CaseStatus.LEASED && reclaim(caseId, entry, now, members)) {
                reclaimed++;
            } else if (entry.status() == CaseStatus.SCHEDULED && promote(caseId, entry, now)) {
                promoted++;
            }
        }
        return new Report(renewed, reclaimed, promoted);
    }

    /** What one pass did. */
    public record Report(int renewed, int reclaimed, int promoted) {
    }

    private int renewOwnLeases(Instant now) {
        Map<String, String> own = callList.ownLeases();
        if (own.isEmpty() || now.isBefore(lastRenewal.plus(callList.settings().leaseTtl().dividedBy(3)))) {
            return 0;
        }
        lastRenewal = now;
        Set<String> keys = new HashSet<>(own.keySet());
        Map<String, Boolean> renewed = callList.cases().executeOnKeys(keys,
                new RenewLease(callList.holder(), now.plus(callList.settings().leaseTtl())));
        renewed.forEach((caseId, stillOurs) -> {
            if (!stillOurs) {
                own.remove(caseId);
            }
        });
        return (int) renewed.values().stream().filter(b -> b).count();
    }

    /**
     * A member that left holds its leases no more: they are reclaimed at once rather than at their
     * end. Leases are not indexed by holder, so this scans this member's cases, only when the
     * membership changed (and on the first pass, for members gone while this one was down).
     */
    private int reclaimLeasesOfGoneMembers(Set<String> members) {
        if (!members.equals(lastMembers)) {
            boolean someoneLeft = lastMembers == null || !members.containsAll(lastMembers);
            lastMembers = members;
            scanUntilPartitionsSettle |= someoneLeft;
        }
        if (!scanUntilPartitionsSettle) {
            return 0;
        }
        // The gone member's partitions come to this one as their backups are promoted, which may
        // be after this pass: scan again on each pass until no partition is still moving, so a
        // lease in a partition promoted late is reclaimed now, not at its end.
        boolean settled = callList.hazelcast().getPartitionService().isClusterSafe();
        if (settled) {
            scanUntilPartitionsSettle = false;
            restoreLostQueueEntries();
        }
        Instant now = callList.clock().instant();
        int reclaimed = 0;
        for (String caseId : callList.cases().localKeySet(Predicates.equal("status", CaseStatus.LEASED.name()))) {
            CaseEntry entry = callList.cases().get(caseId);
            if (entry != null && entry.status() == CaseStatus.LEASED
                    && !members.contains(entry.leaseHolder().orElse("")) && reclaim(caseId, entry, now, members)) {
                reclaimed++;
            }
        }
        return reclaimed;
    }

    /**
     * A member that died between taking a case's entry from its campaign's queue and leasing the
     * case took the entry with it: the case waits, kept, but no dialer sees it (a kill -9 drill
     * found one). Once a member left and the partitions settled, each member gives its own waiting
     * cases whose entry is not in their queue a new one, with the same ticket: had the entry been
     * there after all (taken meanwhile by a live member), the copy is dropped as stale when it
     * comes up. A scan of this member's cases and of the queues, only when a member left.
     *
     * @return how many entries were restored
     */
    int restoreLostQueueEntries() {
        Map<String, Set<Long>> queuedTickets = new HashMap<>();
        int restored = 0;
        for (String caseId : callList.cases().localKeySet(Predicates.equal("status", CaseStatus.WAITING.name()))) {
            CaseEntry entry = callList.cases().get(caseId);
            if (entry == null || entry.status() != CaseStatus.WAITING) {
                continue;
            }
            String campaignId = entry.aCase().campaignId();
            Set<Long> tickets = queuedTickets.computeIfAbsent(campaignId, this::ticketsQueued);
            if (!tickets.contains(entry.ticket())) {
                callList.queueOf(campaignId).offer(new QueuedCase(caseId, entry.rank(), entry.ticket()));
                restored++;
                log.warn("Case {} was waiting without its queue entry (taken by a member that left): entry restored",
                        caseId);
            }
        }
        return restored;
    }

    private Set<Long> ticketsQueued(String campaignId) {
        Set<Long> tickets = new HashSet<>();
        for (QueuedCase queued : callList.queueOf(campaignId)) {
            tickets.add(queued.ticket());
        }
        return tickets;
    }

    private boolean reclaim(String caseId, CaseEntry entry, Instant now, Set<String> members) {
        String leaseHolder = entry.leaseHolder().orElse("");
        boolean holderGone = !members.contains(leaseHolder);
        boolean expired = entry.leaseExpiresAt().map(now::isAfter).orElse(true);
        if (!holderGone && !expired) {
            return false;
        }
        String attemptId = entry.attemptId().orElseThrow();
        long ticket = callList.offerFresh(entry.aCase());
        CaseEntry before = callList.cases().executeOnKey(caseId, Requeue.reclaimed(attemptId, ticket,
                callList.rankOf(entry.aCase()), "lease of " + leaseHolder + (holderGone ? " (gone)" : " (silent)") + " lapsed"));
        if (before == null) {
            return false;
        }
        // The attempt was counted when the guard permitted it and stays counted.
        if (entry.phoneNumber().isPresent()) {
            // The guard permitted a call to a number: it may be up on the PBX now, placed by a node
            // that is gone and cannot hang it up. The debtor stays "being called" until that dial
            // ends or is taken as orphaned (OneDialAtATimePolicy), so no campaign calls them twice
            // at once; the case waits in the queue and the guard holds it back meanwhile.
            log.warn("Case {} back in the queue: the lease of attempt {} held by {} lapsed; its call may still be up,"
                    + " so the debtor is not called again until it is over", caseId, attemptId, leaseHolder);
        } else {
            callList.records().executeOnKey(entry.aCase().debtor().debtorId(), EndDial.quietly(attemptId, now));
            log.warn("Case {} back in the queue: the lease of attempt {} held by {} lapsed", caseId, attemptId, leaseHolder);
        }
        return true;
    }

    private boolean promote(String caseId, CaseEntry entry, Instant now) {
        long ticket = callList.offerFresh(entry.aCase());
        return callList.cases().executeOnKey(caseId, Requeue.due(now.toEpochMilli(), ticket,
                callList.rankOf(entry.aCase()))) != null;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
