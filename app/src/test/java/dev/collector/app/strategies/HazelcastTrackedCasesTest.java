package dev.collector.app.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.strategies.book.CaseSituation;
import dev.collector.strategies.book.StrategyBook;
import dev.collector.strategies.book.StrategyBookLoader;
import dev.collector.strategies.segmentation.AssigningStrategy;
import dev.collector.strategies.segmentation.CaseCourse;
import dev.collector.strategies.segmentation.Resegmenting;
import dev.collector.strategies.segmentation.StrategyAssignment;
import dev.collector.strategies.segmentation.TrackedCase;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tracked cases in real Hazelcast members: kept, found again, found by debtor (for disputes), and
 * changed by two members at once without losing a change.
 */
class HazelcastTrackedCasesTest {

    private static HazelcastInstance member;
    private static HazelcastInstance secondMember;

    @BeforeAll
    static void start() throws Exception {
        int port = freePort();
        String cluster = "tracked-cases-" + ProcessHandle.current().pid();
        member = HazelcastMember.start(new HazelcastSettings(cluster, "127.0.0.1", port, List.of()));
        secondMember = HazelcastMember.start(new HazelcastSettings(cluster, "127.0.0.1", freePort(),
                List.of("127.0.0.1:" + port)));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    @AfterAll
    static void stop() {
        if (secondMember != null) {
            secondMember.shutdown();
        }
        if (member != null) {
            member.shutdown();
        }
    }

    @Test
    void two_members_segmenting_one_case_at_once_lose_no_change() throws Exception {
        assertThat(member.getCluster().getMembers()).hasSize(2);
        StrategyBook book = StrategyBookLoader.parse("""
                { "seed": 1,
                  "strategies": { "call": { "stages": [
                      { "on": "NEW", "actions": [ { "do": "CALL", "mode": "PROGRESSIVE", "cost": 0.6 } ] } ] } },
                  "segments": [ { "name": "rest", "champion": "call" } ] }
                """, "test");
        Case aCase = new Case("busy-case", "demo", new Debtor("d-busy", "D"),
                List.of(new Claim("busy-1", new BigDecimal("500"), "EUR", LocalDate.of(2026, 10, 1))),
                List.of("+420601000001"), ZoneId.of("UTC"), 0, Instant.parse("2026-11-23T10:00:00Z"), 0, "", Set.of());
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        List<Resegmenting> nodes = List.of(member, secondMember).stream()
                .map(m -> new Resegmenting(new AssigningStrategy(() -> book, clock), new HazelcastTrackedCases(m),
                        caseId -> Optional.of(aCase)))
                .toList();
        int perNode = 40;
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (Resegmenting node : nodes) {
                runs.add(both.submit(() -> {
                    go.await();
                    for (int i = 0; i < perNode; i++) {
                        node.attemptMade("busy-case", false);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            both.shutdownNow();
        }

        TrackedCase kept = new HazelcastTrackedCases(member).find("busy-case").orElseThrow();
        assertThat(kept.course().attempts()).as("every attempt of both members counted").isEqualTo(2 * perNode);
        assertThat(kept.revision()).isEqualTo(2 * perNode);
    }

    @Test
    void a_debtors_cases_are_found_by_the_debtor_id() {
        HazelcastTrackedCases tracked = new HazelcastTrackedCases(member);
        tracked.replace(Optional.empty(), tracked("c1", "d1"));
        tracked.replace(Optional.empty(), tracked("c2", "d1"));
        tracked.replace(Optional.empty(), tracked("c3", "d2"));

        assertThat(tracked.find("c1")).hasValueSatisfying(t -> {
            assertThat(t.assignment().strategy()).isEqualTo("standard");
            assertThat(t.course().promises()).isEqualTo(1);
        });
        assertThat(tracked.casesOfDebtor("d1")).containsExactlyInAnyOrder("c1", "c2");
        assertThat(tracked.casesOfDebtor("d3")).isEmpty();
    }

    private static TrackedCase tracked(String caseId, String debtorId) {
        CaseCourse course = CaseCourse.fresh(caseId).attempted(true).promised();
        return new TrackedCase(caseId, debtorId, "demo", course, new StrategyAssignment(caseId, "rest", "standard",
                true, CaseSituation.PROMISE_OPEN, List.of("SMS"), "promise", Instant.parse("2026-11-23T10:00:00Z")),
                "agent-01", 1);
    }
}
