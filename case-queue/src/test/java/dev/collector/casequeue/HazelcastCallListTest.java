package dev.collector.casequeue;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HazelcastCallListTest {

    static HazelcastInstance first;
    static HazelcastInstance second;
    static ExecutorService worker = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void startTwoMembers() {
        HazelcastSettings settings = new HazelcastSettings("case-queue-test-" + ProcessHandle.current().pid(),
                "127.0.0.1", 5801, List.of("127.0.0.1:5801", "127.0.0.1:5802"));
        first = HazelcastMember.start(settings);
        second = HazelcastMember.start(settings.withPort(5802));
    }

    @AfterAll
    static void stop() {
        second.shutdown();
        first.shutdown();
        worker.shutdownNow();
    }

    @Test
    void higherPriorityIsDialedFirstAndEqualPrioritiesInArrivalOrder() throws Exception {
        HazelcastCallList list = new HazelcastCallList(first, worker);
        admit(list, aCase("c-low", "prio", 1));
        admit(list, aCase("c-high", "prio", 9));
        admit(list, aCase("c-mid-1", "prio", 5));
        admit(list, aCase("c-mid-2", "prio", 5));

        assertThat(next(list, "prio")).contains("c-high");
        assertThat(next(list, "prio")).contains("c-mid-1");
        assertThat(next(list, "prio")).contains("c-mid-2");
        assertThat(next(list, "prio")).contains("c-low");
        assertThat(next(list, "prio")).isEmpty();
    }

    @Test
    void resubmittedCaseReplacesTheWaitingVersionWithoutQueueingTwice() throws Exception {
        HazelcastCallList list = new HazelcastCallList(first, worker);
        admit(list, aCase("c-1", "resubmit", 1));
        admit(list, aCase("c-1", "resubmit", 1).withName("Renamed"));

        assertThat(list.waiting("resubmit").toCompletableFuture().get()).isEqualTo(1);
        Case taken = list.takeNext("resubmit").toCompletableFuture().get().orElseThrow();
        assertThat(taken.debtor().name()).isEqualTo("Renamed");
        assertThat(next(list, "resubmit")).isEmpty();
    }

    @Test
    void campaignsHaveSeparateQueues() throws Exception {
        HazelcastCallList list = new HazelcastCallList(first, worker);
        admit(list, aCase("a-1", "campaign-a", 1));
        admit(list, aCase("b-1", "campaign-b", 1));

        assertThat(next(list, "campaign-a")).contains("a-1");
        assertThat(next(list, "campaign-a")).isEmpty();
        assertThat(next(list, "campaign-b")).contains("b-1");
    }

    @Test
    void aCaseAdmittedOnOneMemberIsDialedFromAnother() throws Exception {
        admit(new HazelcastCallList(first, worker), aCase("shared-1", "shared", 3));

        HazelcastCallList onSecond = new HazelcastCallList(second, worker);
        assertThat(onSecond.find("shared-1").toCompletableFuture().get()).isPresent();
        assertThat(next(onSecond, "shared")).contains("shared-1");
    }

    private static void admit(HazelcastCallList list, Case aCase) throws Exception {
        list.admit(aCase).toCompletableFuture().get();
    }

    private static Optional<String> next(HazelcastCallList list, String campaign) throws Exception {
        return list.takeNext(campaign).toCompletableFuture().get().map(Case::caseId);
    }

    private static CaseBuilder aCase(String id, String campaign, int priority) {
        return new CaseBuilder(id, campaign, priority, "Jana Novak");
    }

    private record CaseBuilder(String id, String campaign, int priority, String name) {
        CaseBuilder withName(String newName) {
            return new CaseBuilder(id, campaign, priority, newName);
        }

        Case build() {
            return new Case(id, campaign, new Debtor("d-" + id, name),
                    List.of(new Claim("cl-" + id, new BigDecimal("120.50"), "EUR", LocalDate.of(2026, 9, 1))),
                    List.of("+420601000001"), ZoneId.of("Europe/Prague"), priority, Instant.now());
        }
    }

    private static void admit(HazelcastCallList list, CaseBuilder builder) throws Exception {
        admit(list, builder.build());
    }
}
