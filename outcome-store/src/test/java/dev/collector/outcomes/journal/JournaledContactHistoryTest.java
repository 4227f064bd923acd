package dev.collector.outcomes.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.outcomes.OutcomeStoreSettings;
import dev.collector.outcomes.node.NodeSettings;
import dev.collector.outcomes.testing.TestNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestNode.class)
class JournaledContactHistoryTest {

    private static final Instant NINE_AM = Instant.parse("2026-11-23T09:00:00Z");

    private static OutcomeStore store;

    @BeforeAll
    static void open(NodeSettings node) {
        store = OutcomeStore.open(OutcomeStoreSettings.defaults().withLocalNode(node).withKeyspace("journal_test")
                .withRequestTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void outcomes_recorded_while_cassandra_is_stopped_reach_it_once_it_is_back(TestNode.Outage outage,
            @TempDir Path dir) throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        String agentId = "agent-" + UUID.randomUUID();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            outcomes.add(new Outcome(String.format("attempt-%03d-%s", i, caseId), caseId, "spring", "debtor-1",
                    agentId, i % 2 == 0 ? new Disposition.NoContact()
                    : new Disposition.PromiseToPay(new BigDecimal("10.00"), LocalDate.of(2026, 12, 1)),
                    "n" + i, NINE_AM.plusSeconds(i)));
        }
        try (JournaledContactHistory history = JournaledContactHistory.open(store.contactHistory(),
                dir.resolve("outcomes.journal"), Duration.ofMillis(200), Duration.ofSeconds(3))) {
            for (Outcome outcome : outcomes.subList(0, 20)) {
                await(history.recordOutcome(outcome));
            }
            assertThat(history.backlog()).isZero();

            outage.stopNode();
            try {
                // every write is acknowledged although Cassandra is down: it is on disk
                for (Outcome outcome : outcomes.subList(20, 50)) {
                    await(history.recordOutcome(outcome));
                }
                // one written twice while away: still one row
                await(history.recordOutcome(outcomes.get(30)));
                assertThat(history.backlog()).isEqualTo(31);
                assertThat(Files.size(dir.resolve("outcomes.journal"))).isPositive();
            } finally {
                outage.startNode();
            }
            for (Outcome outcome : outcomes.subList(50, 60)) {
                await(history.recordOutcome(outcome));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (history.backlog() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(history.backlog()).isZero();
            assertThat(await(history.outcomesOf(caseId))).containsExactlyElementsOf(outcomes);
            assertThat(Files.size(dir.resolve("outcomes.journal"))).isZero();
        }
        long byAgent = store.session().execute(SimpleStatement.newInstance(
                "SELECT count(*) FROM journal_test.outcomes_by_agent_day WHERE agent_id = ? AND day = ?",
                agentId, LocalDate.of(2026, 11, 23))).one().getLong(0);
        assertThat(byAgent).isEqualTo(60);
    }

    @Test
    void a_journal_left_by_an_earlier_run_is_replayed_in_order_when_the_next_run_opens(@TempDir Path dir) {
        Path file = dir.resolve("outcomes.journal");
        String caseId = "case-" + UUID.randomUUID();
        CallAttempt attempt = new CallAttempt("attempt-1-" + caseId, caseId, "spring", "+420601000001",
                Optional.of("agent-1"), NINE_AM, Optional.of(NINE_AM.plusSeconds(5)), NINE_AM.plusSeconds(60),
                CallResult.ANSWERED, 16);
        Outcome outcome = new Outcome(attempt.attemptId(), caseId, "spring", "debtor-1", "agent-1",
                new Disposition.CallbackRequested(NINE_AM.plusSeconds(3600)), "after lunch", NINE_AM.plusSeconds(61));
        ContactHistory down = new Unreachable();
        try (JournaledContactHistory first = JournaledContactHistory.open(down, file, Duration.ofMillis(100),
                Duration.ofSeconds(1))) {
            await(first.recordAttempt(attempt));
            await(first.recordOutcome(outcome));
            assertThat(first.backlog()).isEqualTo(2);
        }
        try (JournaledContactHistory second = JournaledContactHistory.open(store.contactHistory(), file,
                Duration.ofMillis(100), Duration.ofSeconds(3))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (second.backlog() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(second.backlog()).isZero();
            assertThat(await(second.attemptsOf(caseId))).containsExactly(attempt);
            assertThat(await(second.outcomesOf(caseId))).containsExactly(outcome);
        }
    }

    @Test
    void a_record_torn_by_a_crash_mid_append_is_dropped_and_the_ones_before_it_kept(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("torn.journal");
        try (OutcomeJournal journal = OutcomeJournal.open(file)) {
            journal.append(new byte[] {1, 2, 3});
            journal.append(new byte[] {4, 5});
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 1));
        try (OutcomeJournal journal = OutcomeJournal.open(file)) {
            assertThat(journal.readAll()).containsExactly(new byte[] {1, 2, 3});
        }
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A store whose every write fails, as when no node answers. */
    private static final class Unreachable implements ContactHistory {
        @Override
        public CompletionStage<Void> recordAttempt(CallAttempt attempt) {
            return CompletableFuture.failedFuture(new IllegalStateException("no node available"));
        }

        @Override
        public CompletionStage<Void> recordOutcome(Outcome outcome) {
            return CompletableFuture.failedFuture(new IllegalStateException("no node available"));
        }

        @Override
        public CompletionStage<List<CallAttempt>> attemptsOf(String caseId) {
            return CompletableFuture.failedFuture(new IllegalStateException("no node available"));
        }

        @Override
        public CompletionStage<List<Outcome>> outcomesOf(String caseId) {
            return CompletableFuture.failedFuture(new IllegalStateException("no node available"));
        }
    }
}
