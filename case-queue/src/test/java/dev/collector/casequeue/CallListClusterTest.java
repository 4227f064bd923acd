package dev.collector.casequeue;

import static dev.collector.casequeue.Cases.aCase;
import static dev.collector.casequeue.Cases.ended;
import static dev.collector.casequeue.Cases.openAllDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.DialLease;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three Hazelcast members on loopback, each with dialer workers leasing cases concurrently; one
 * member is killed mid-run. Each case may be dialed once (then closed), so any case handed out
 * twice, lost, or counted wrong shows; the calls the killed member left behind are not dialed
 * again while they may still be up.
 */
class CallListClusterTest {

    static final String CAMPAIGN = "cluster";
    static final int CASES = 1_500;
    static final int WORKERS_PER_NODE = 2;

    final List<HazelcastInstance> members = new ArrayList<>();
    final List<ExecutorService> pools = new ArrayList<>();
    final List<CaseQueueMaintenance> maintenances = new ArrayList<>();

    @AfterEach
    void stop() {
        maintenances.forEach(CaseQueueMaintenance::close);
        pools.forEach(ExecutorService::shutdownNow);
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    @Test
    void no_case_is_handed_out_twice_and_a_killed_member_loses_none() throws Exception {
        String cluster = "case-queue-cluster-" + ProcessHandle.current().pid();
        List<String> addresses = List.of("127.0.0.1:5811", "127.0.0.1:5812", "127.0.0.1:5813");
        List<HazelcastCallList> lists = new ArrayList<>();
        // One dial per case, then closed: a second lease of a case is a double, unless its first
        // lease was on the killed member.
        CaseQueueSettings settings = CaseQueueSettings.defaults().withMaintenanceEvery(Duration.ofMillis(200))
                .withRetrySchedule(CaseQueueSettings.defaults().retrySchedule().withMaxAttempts(1));
        for (int i = 0; i < 3; i++) {
            HazelcastInstance member = HazelcastMember.start(new HazelcastSettings(cluster, "127.0.0.1", 5811 + i, addresses));
            members.add(member);
            ExecutorService pool = Executors.newFixedThreadPool(2 + WORKERS_PER_NODE);
            pools.add(pool);
            HazelcastCallList list = new HazelcastCallList(member, pool, settings, new InMemoryComplianceAudit(),
                    Clock.systemUTC());
            lists.add(list);
        }
        assertThat(members.get(0).getCluster().getMembers()).hasSize(3);
        lists.get(0).defineRules(openAllDay(CAMPAIGN)).toCompletableFuture().get();
        for (int i = 0; i < CASES; i++) {
            lists.get(i % 3).admit(aCase(String.format("k-%05d", i), CAMPAIGN, i % 10)).toCompletableFuture().get();
        }
        for (HazelcastCallList list : lists) {
            maintenances.add(list.maintenance().start());
        }

        Map<String, String> inFlight = new ConcurrentHashMap<>();
        Map<String, List<String>> leasesByCase = new ConcurrentHashMap<>();
        Set<String> doubles = ConcurrentHashMap.newKeySet();
        AtomicInteger completed = new AtomicInteger();
        AtomicBoolean victimAlive = new AtomicBoolean(true);
        int victim = 2;
        CountDownLatch done = new CountDownLatch(3 * WORKERS_PER_NODE);
        for (int node = 0; node < 3; node++) {
            HazelcastCallList list = lists.get(node);
            String nodeName = "node-" + node;
            boolean isVictim = node == victim;
            for (int w = 0; w < WORKERS_PER_NODE; w++) {
                pools.get(node).execute(() -> {
                    try {
                        int idle = 0;
                        while (idle < 50 && (!isVictim || victimAlive.get())) {
                            Optional<DialLease> lease = list.leaseNext(CAMPAIGN).toCompletableFuture().get(10, TimeUnit.SECONDS);
                            if (lease.isEmpty()) {
                                idle++;
                                Thread.sleep(20);
                                continue;
                            }
                            idle = 0;
                            String caseId = lease.get().caseId();
                            String other = inFlight.put(caseId, nodeName);
                            // Held elsewhere at the same time is a double, unless by the killed member.
                            if (other != null && (!other.equals("node-" + victim) || victimAlive.get())) {
                                doubles.add(caseId);
                            }
                            leasesByCase.computeIfAbsent(caseId, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(nodeName);
                            if (isVictim) {
                                Thread.sleep(10); // its calls ring a while: the kill finds leases in its hands
                                if (!victimAlive.get()) {
                                    return; // the member is gone: its calls never report
                                }
                            }
                            inFlight.remove(caseId);
                            list.callEnded(lease.get(), ended(lease.get(), CallResult.NO_ANSWER, lease.get().leasedAt()))
                                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
                            completed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        if (!isVictim) {
                            throw new IllegalStateException(e);
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
        }
        // Kill the victim mid-run, with leases in its hands.
        while (completed.get() < CASES / 3) {
            Thread.sleep(5);
        }
        victimAlive.set(false);
        members.get(victim).getLifecycleService().terminate();
        assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();

        IMap<String, CaseEntry> cases = members.get(0).getMap(HazelcastCallList.CASES);
        assertThat(doubles).isEmpty();
        assertThat(cases.size()).isEqualTo(CASES);
        int heldBack = 0;
        int diedWhileLeasing = 0;
        for (int i = 0; i < CASES; i++) {
            String caseId = String.format("k-%05d", i);
            CaseEntry entry = cases.get(caseId);
            List<String> leases = leasesByCase.getOrDefault(caseId, List.of());
            // Every case was dialed once; none is lost, none dialed twice.
            if (entry.status() == CaseStatus.CLOSED) {
                assertThat(leases).as(caseId).hasSize(1);
                if (entry.attempts() == 2) {
                    // The member died inside leaseNext, after the guard had counted the attempt but
                    // before the case was dialing: no call was placed, so it was dialed by another.
                    assertThat(leases.get(0)).as(caseId).isNotEqualTo("node-" + victim);
                    diedWhileLeasing++;
                } else {
                    assertThat(entry.attempts()).as(caseId + " attempts " + entry).isEqualTo(1);
                }
            } else {
                assertThat(entry.attempts()).as(caseId + " attempts " + entry).isEqualTo(1);
                // A call the killed member had placed (or was placing: it died inside leaseNext,
                // after the guard counted the dial) may still be up on the PBX: its case is back
                // in the list, but the debtor stays "being called", so nobody dialed them again.
                assertThat(entry.status()).as(caseId + " " + entry).isIn(CaseStatus.WAITING, CaseStatus.SCHEDULED);
                assertThat(leases).as(caseId).allMatch(holder -> holder.equals("node-" + victim));
                heldBack++;
            }
        }
        // each of the victim's workers held at most one lease, or was inside leaseNext, when it died
        assertThat(heldBack).as("calls the killed member left behind").isLessThanOrEqualTo(2 * WORKERS_PER_NODE);
        assertThat(diedWhileLeasing).as("leases cut off inside leaseNext").isLessThanOrEqualTo(WORKERS_PER_NODE);
        // Not asserted: that the kill found the victim holding a lease. Its workers hold one 10 ms of
        // each round, but a kill between rounds, or inside leaseNext before the lease (whose queue
        // entry is now restored and dialed by another), leaves none, and that run is as valid.
    }
}
