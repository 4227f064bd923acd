package dev.collector.outcomes.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.outcome.CaseHistory;
import dev.collector.domain.outcome.CaseHistoryEntry;
import dev.collector.domain.outcome.CaseHistoryPage;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.outcomes.OutcomeStoreSettings;
import dev.collector.outcomes.node.NodeSettings;
import dev.collector.outcomes.testing.TestNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestNode.class)
class CassandraCaseHistoryTest {

    private static final Instant NINE_AM = Instant.parse("2026-11-23T09:00:00Z");

    private static OutcomeStore store;
    private static CassandraContactHistory written;
    private static CaseHistory history;

    @BeforeAll
    static void open(NodeSettings node) {
        store = OutcomeStore.open(OutcomeStoreSettings.defaults().withLocalNode(node).withKeyspace("case_history_test"));
        written = store.cassandraContactHistory();
        history = store.caseHistory();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void pages_of_50_50_and_20_hold_120_attempts_newest_first_each_once_with_its_outcome() {
        String caseId = newId("case");
        // three attempts per second, so attempts of one instant straddle the page boundaries
        List<CallAttempt> attempts = IntStream.range(0, 120)
                .mapToObj(i -> attempt(caseId, String.format("attempt-%03d", i), NINE_AM.plusSeconds(i / 3)))
                .toList();
        List<Outcome> outcomes = attempts.stream()
                .filter(a -> a.attemptId().endsWith("0") || a.attemptId().endsWith("7"))
                .map(a -> outcome(a, new Disposition.PromiseToPay(new BigDecimal("25.00"), LocalDate.of(2026, 12, 1))))
                .toList();
        await(CompletableFuture.allOf(attempts.stream().map(a -> written.recordAttempt(a).toCompletableFuture())
                .toArray(CompletableFuture[]::new)));
        await(CompletableFuture.allOf(outcomes.stream().map(o -> written.recordOutcome(o).toCompletableFuture())
                .toArray(CompletableFuture[]::new)));

        CaseHistoryPage first = await(history.page(caseId, 50, Optional.empty()));
        CaseHistoryPage second = await(history.page(caseId, 50, first.nextPageToken()));
        CaseHistoryPage third = await(history.page(caseId, 50, second.nextPageToken()));

        assertThat(first.entries()).hasSize(50);
        assertThat(second.entries()).hasSize(50);
        assertThat(third.entries()).hasSize(20);
        assertThat(first.nextPageToken()).isPresent();
        assertThat(second.nextPageToken()).isPresent();
        assertThat(third.nextPageToken()).isEmpty();
        List<CaseHistoryEntry> read = new ArrayList<>(first.entries());
        read.addAll(second.entries());
        read.addAll(third.entries());
        List<CaseHistoryEntry> expected = attempts.stream()
                .sorted(Comparator.comparing(CallAttempt::dialedAt).thenComparing(CallAttempt::attemptId).reversed())
                .map(a -> new CaseHistoryEntry(a, outcomes.stream()
                        .filter(o -> o.attemptId().equals(a.attemptId())).findFirst()))
                .toList();
        assertThat(read).containsExactlyElementsOf(expected);
        assertThat(read.stream().filter(e -> e.outcome().isPresent())).hasSize(outcomes.size());
    }

    @Test
    void a_page_that_ends_the_history_exactly_hands_out_no_token() {
        String caseId = newId("case");
        for (int i = 0; i < 4; i++) {
            await(written.recordAttempt(attempt(caseId, "attempt-" + i, NINE_AM.plusSeconds(60L * i))));
        }

        CaseHistoryPage first = await(history.page(caseId, 2, Optional.empty()));
        CaseHistoryPage last = await(history.page(caseId, 2, first.nextPageToken()));

        assertThat(last.entries()).extracting(e -> e.attempt().attemptId()).containsExactly("attempt-1", "attempt-0");
        assertThat(last.nextPageToken()).isEmpty();
    }

    @Test
    void an_attempt_made_after_the_first_page_was_read_does_not_shift_the_next_page() {
        String caseId = newId("case");
        for (int i = 0; i < 5; i++) {
            await(written.recordAttempt(attempt(caseId, "attempt-" + i, NINE_AM.plusSeconds(60L * i))));
        }
        CaseHistoryPage first = await(history.page(caseId, 2, Optional.empty()));

        await(written.recordAttempt(attempt(caseId, "attempt-new", NINE_AM.plusSeconds(3600))));
        CaseHistoryPage second = await(history.page(caseId, 2, first.nextPageToken()));

        assertThat(first.entries()).extracting(e -> e.attempt().attemptId()).containsExactly("attempt-4", "attempt-3");
        assertThat(second.entries()).extracting(e -> e.attempt().attemptId()).containsExactly("attempt-2", "attempt-1");
    }

    @Test
    void a_case_never_called_has_one_empty_page() {
        CaseHistoryPage page = await(history.page(newId("case"), 50, Optional.empty()));

        assertThat(page.entries()).isEmpty();
        assertThat(page.nextPageToken()).isEmpty();
    }

    @Test
    void a_page_token_of_another_case_is_refused() {
        String caseId = newId("case");
        String otherCase = newId("case");
        for (String id : List.of(caseId, otherCase)) {
            await(written.recordAttempt(attempt(id, "attempt-1", NINE_AM)));
            await(written.recordAttempt(attempt(id, "attempt-2", NINE_AM.plusSeconds(60))));
        }
        Optional<String> othersToken = await(history.page(otherCase, 1, Optional.empty())).nextPageToken();

        assertThat(othersToken).isPresent();
        assertThatThrownBy(() -> await(history.page(caseId, 1, othersToken)))
                .hasRootCauseInstanceOf(CaseHistory.InvalidPageToken.class)
                .hasRootCauseMessage("the page token belongs to another case's history");
    }

    @Test
    void a_page_token_that_was_never_handed_out_is_refused() {
        String caseId = newId("case");

        for (String token : List.of("not base64 !", "AAAA", "bm9uc2Vuc2U", "")) {
            assertThatThrownBy(() -> await(history.page(caseId, 10, Optional.of(token))))
                    .as(token)
                    .hasRootCauseInstanceOf(CaseHistory.InvalidPageToken.class);
        }
    }

    private static CallAttempt attempt(String caseId, String attemptId, Instant dialedAt) {
        return new CallAttempt(attemptId, caseId, "history-campaign", "+4930123456", Optional.of("agent-7"), dialedAt,
                Optional.of(dialedAt.plusSeconds(8)), dialedAt.plusSeconds(95), CallResult.ANSWERED, 16);
    }

    private static Outcome outcome(CallAttempt attempt, Disposition disposition) {
        return new Outcome(attempt.attemptId(), attempt.caseId(), attempt.campaignId(), "debtor-42", "agent-7",
                disposition, "notes of " + attempt.attemptId(), attempt.endedAt().plusSeconds(20));
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
