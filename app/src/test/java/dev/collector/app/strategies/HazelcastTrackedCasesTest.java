package dev.collector.app.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.strategies.book.CaseSituation;
import dev.collector.strategies.segmentation.CaseCourse;
import dev.collector.strategies.segmentation.StrategyAssignment;
import dev.collector.strategies.segmentation.TrackedCase;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tracked cases in a real Hazelcast member: kept, found again, and found by debtor (for disputes). */
class HazelcastTrackedCasesTest {

    private static HazelcastInstance member;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        member = HazelcastMember.start(new HazelcastSettings("tracked-cases-" + ProcessHandle.current().pid(),
                "127.0.0.1", port, List.of()));
    }

    @AfterAll
    static void stop() {
        if (member != null) {
            member.shutdown();
        }
    }

    @Test
    void a_debtors_cases_are_found_by_the_debtor_id() {
        HazelcastTrackedCases tracked = new HazelcastTrackedCases(member);
        tracked.put(tracked("c1", "d1"));
        tracked.put(tracked("c2", "d1"));
        tracked.put(tracked("c3", "d2"));

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
                "agent-01");
    }
}
