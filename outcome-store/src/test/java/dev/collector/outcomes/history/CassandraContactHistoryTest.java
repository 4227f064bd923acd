package dev.collector.outcomes.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.outcomes.OutcomeStoreSettings;
import dev.collector.outcomes.node.NodeSettings;
import dev.collector.outcomes.testing.TestNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
class CassandraContactHistoryTest {

    private static final Instant NINE_AM = Instant.parse("2026-11-23T09:00:00Z");

    private static OutcomeStore store;
    private static CassandraContactHistory history;

    @BeforeAll
    static void open(NodeSettings node) {
        store = OutcomeStore.open(OutcomeStoreSettings.defaults().withLocalNode(node).withKeyspace("history_test"));
        history = store.cassandraContactHistory();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void an_answered_attempt_reads_back_with_every_field() {
        String caseId = newId("case");
        CallAttempt attempt = new CallAttempt(newId("attempt"), caseId, "spring-campaign", "+4915112345678",
                Optional.of("agent-17"), NINE_AM.plusMillis(123), Optional.of(NINE_AM.plusSeconds(12)),
                NINE_AM.plusSeconds(185), CallResult.ANSWERED, 16);

        await(history.recordAttempt(attempt));

        assertThat(await(history.attemptsOf(caseId))).containsExactly(attempt);
    }

    @Test
    void an_unanswered_attempt_reads_back_without_agent_or_answer_time() {
        String caseId = newId("case");
        CallAttempt attempt = new CallAttempt(newId("attempt"), caseId, "spring-campaign", "+4915112345678",
                Optional.empty(), NINE_AM, Optional.empty(), NINE_AM.plusSeconds(30), CallResult.NO_ANSWER, 19);

        await(history.recordAttempt(attempt));

        CallAttempt read = await(history.attemptsOf(caseId)).get(0);
        assertThat(read).isEqualTo(attempt);
        assertThat(read.agentId()).isEmpty();
        assertThat(read.answeredAt()).isEmpty();
    }

    @Test
    void instants_are_kept_to_the_millisecond() {
        String caseId = newId("case");
        Instant dialed = Instant.parse("2026-11-23T09:15:00.123456789Z");
        CallAttempt attempt = new CallAttempt(newId("attempt"), caseId, "spring-campaign", "+4915112345678",
                Optional.empty(), dialed, Optional.empty(), dialed.plusSeconds(20), CallResult.BUSY, 17);

        await(history.recordAttempt(attempt));

        assertThat(await(history.attemptsOf(caseId)).get(0).dialedAt())
                .isEqualTo(Instant.parse("2026-11-23T09:15:00.123Z"));
    }

    @Test
    void outcomes_read_back_with_their_disposition_and_a_promise_with_its_amount_and_date() {
        String caseId = newId("case");
        List<Outcome> outcomes = List.of(
                outcome(caseId, new Disposition.PromiseToPay(new BigDecimal("150.50"), LocalDate.of(2026, 12, 1)),
                        "will pay on the first", NINE_AM.plusSeconds(60)),
                outcome(caseId, new Disposition.Refused(), "", NINE_AM.plusSeconds(120)),
                outcome(caseId, new Disposition.WrongParty(), "a neighbour answered", NINE_AM.plusSeconds(180)),
                outcome(caseId, new Disposition.NoContact(), "line dropped", NINE_AM.plusSeconds(240)));

        for (int i = outcomes.size() - 1; i >= 0; i--) {
            await(history.recordOutcome(outcomes.get(i)));
        }

        List<Outcome> read = await(history.outcomesOf(caseId));
        assertThat(read).containsExactlyElementsOf(outcomes);
        assertThat(((Disposition.PromiseToPay) read.get(0).disposition()).amount()).isEqualByComparingTo("150.5")
                .hasToString("150.50");
    }

    @Test
    void a_requested_callback_reads_back_with_its_time_and_a_dispute_as_a_dispute() {
        String caseId = newId("case");
        List<Outcome> outcomes = List.of(
                outcome(caseId, new Disposition.CallbackRequested(Instant.parse("2026-11-23T16:30:00Z")),
                        "call after work", NINE_AM.plusSeconds(60)),
                outcome(caseId, new Disposition.Disputed(), "says the loan was repaid", NINE_AM.plusSeconds(120)));

        for (Outcome outcome : outcomes) {
            await(history.recordOutcome(outcome));
        }

        assertThat(await(history.outcomesOf(caseId))).containsExactlyElementsOf(outcomes);
        Row dispute = rows("SELECT callback_at FROM history_test.outcomes_by_case WHERE case_id = ? AND attempt_id = ?",
                caseId, outcomes.get(1).attemptId()).get(0);
        assertThat(dispute.isNull("callback_at")).isTrue();
    }

    @Test
    void a_callback_time_is_kept_to_the_millisecond() {
        String caseId = newId("case");
        Outcome callback = outcome(caseId,
                new Disposition.CallbackRequested(Instant.parse("2026-11-23T16:30:00.123456789Z")), "", NINE_AM);

        await(history.recordOutcome(callback));

        assertThat(await(history.outcomesOf(caseId)).get(0).disposition())
                .isEqualTo(new Disposition.CallbackRequested(Instant.parse("2026-11-23T16:30:00.123Z")));
    }

    @Test
    void a_resent_disposition_that_is_no_longer_a_callback_clears_its_time() {
        String caseId = newId("case");
        Outcome callback = outcome(caseId, new Disposition.CallbackRequested(NINE_AM.plusSeconds(3 * 3600)), "",
                NINE_AM);
        Outcome corrected = new Outcome(callback.attemptId(), caseId, callback.campaignId(), callback.debtorId(),
                callback.agentId(), new Disposition.Disputed(), "disputed, not a callback", NINE_AM.plusSeconds(30));

        await(history.recordOutcome(callback));
        await(history.recordOutcome(corrected));

        assertThat(await(history.outcomesOf(caseId))).containsExactly(corrected);
        assertThat(rows("SELECT callback_at FROM history_test.outcomes_by_case WHERE case_id = ?", caseId).get(0)
                .isNull("callback_at")).isTrue();
    }

    @Test
    void recording_the_same_attempt_twice_keeps_one_row() {
        String caseId = newId("case");
        CallAttempt attempt = new CallAttempt(newId("attempt"), caseId, "dup-campaign", "+4915112345678",
                Optional.of("agent-3"), NINE_AM, Optional.of(NINE_AM.plusSeconds(5)), NINE_AM.plusSeconds(65),
                CallResult.ANSWERED, 16);

        await(history.recordAttempt(attempt));
        await(history.recordAttempt(attempt));

        assertThat(await(history.attemptsOf(caseId))).containsExactly(attempt);
        assertThat(rows("SELECT attempt_id FROM history_test.call_attempts_by_case WHERE case_id = ?", caseId))
                .hasSize(1);
        assertThat(rows("SELECT attempt_id FROM history_test.call_attempts_by_campaign_hour "
                + "WHERE campaign_id = ? AND hour = ? AND dialed_at = ?", "dup-campaign", NINE_AM, NINE_AM))
                .extracting(r -> r.getString("attempt_id")).containsExactly(attempt.attemptId());
    }

    @Test
    void recording_the_same_outcome_twice_keeps_one_row() {
        String caseId = newId("case");
        Outcome outcome = outcome(caseId, new Disposition.Refused(), "", NINE_AM);

        await(history.recordOutcome(outcome));
        await(history.recordOutcome(outcome));

        assertThat(await(history.outcomesOf(caseId))).containsExactly(outcome);
        assertThat(rows("SELECT attempt_id FROM history_test.outcomes_by_case WHERE case_id = ?", caseId)).hasSize(1);
    }

    @Test
    void a_resent_disposition_replaces_the_first_and_clears_its_promise() {
        String caseId = newId("case");
        Outcome promise = outcome(caseId, new Disposition.PromiseToPay(new BigDecimal("99.99"),
                LocalDate.of(2026, 12, 24)), "", NINE_AM);
        Outcome corrected = new Outcome(promise.attemptId(), caseId, promise.campaignId(), promise.debtorId(),
                promise.agentId(), new Disposition.Refused(), "agent picked the wrong button", NINE_AM.plusSeconds(30));

        await(history.recordOutcome(promise));
        await(history.recordOutcome(corrected));

        assertThat(await(history.outcomesOf(caseId))).containsExactly(corrected);
        Row row = rows("SELECT promised_amount, promised_for FROM history_test.outcomes_by_case WHERE case_id = ?",
                caseId).get(0);
        assertThat(row.isNull("promised_amount")).isTrue();
        assertThat(row.isNull("promised_for")).isTrue();
    }

    @Test
    void a_cases_attempts_come_back_oldest_first() {
        String caseId = newId("case");
        List<CallAttempt> attempts = List.of(
                attempt(caseId, "order-campaign", NINE_AM),
                attempt(caseId, "order-campaign", NINE_AM.plusSeconds(3600)),
                attempt(caseId, "order-campaign", NINE_AM.plusSeconds(86_400)));

        await(history.recordAttempt(attempts.get(2)));
        await(history.recordAttempt(attempts.get(0)));
        await(history.recordAttempt(attempts.get(1)));

        assertThat(await(history.attemptsOf(caseId))).containsExactlyElementsOf(attempts);
    }

    @Test
    void a_campaigns_hour_holds_the_attempts_dialed_in_it() {
        String campaign = newId("campaign");
        CallAttempt early = attempt(newId("case"), campaign, Instant.parse("2026-11-23T10:05:00Z"));
        CallAttempt late = attempt(newId("case"), campaign, Instant.parse("2026-11-23T10:59:59.999Z"));
        CallAttempt nextHour = attempt(newId("case"), campaign, Instant.parse("2026-11-23T11:00:00Z"));
        for (CallAttempt a : List.of(nextHour, late, early)) {
            await(history.recordAttempt(a));
        }

        assertThat(await(history.attemptsOfCampaignHour(campaign, Instant.parse("2026-11-23T10:30:00Z"))))
                .containsExactly(early, late);
        assertThat(await(history.attemptsOfCampaignHour(campaign, Instant.parse("2026-11-23T11:00:00Z"))))
                .containsExactly(nextHour);
    }

    @Test
    void a_case_with_more_attempts_than_a_page_reads_back_whole() {
        String caseId = newId("case");
        List<CallAttempt> attempts = IntStream.range(0, 2 * CassandraContactHistory.PAGE_SIZE + 1)
                .mapToObj(i -> attempt(caseId, "paging-campaign", NINE_AM.plusSeconds(i)))
                .toList();
        for (int from = 0; from < attempts.size(); from += 250) { // at most 250 in flight
            await(CompletableFuture.allOf(attempts.subList(from, Math.min(from + 250, attempts.size())).stream()
                    .map(a -> history.recordAttempt(a).toCompletableFuture())
                    .toArray(CompletableFuture[]::new)));
        }

        assertThat(await(history.attemptsOf(caseId))).containsExactlyElementsOf(attempts);
    }

    @Test
    void a_blank_case_id_is_refused_naming_the_field() {
        CallAttempt attempt = attempt(" ", "spring-campaign", NINE_AM);

        assertThatThrownBy(() -> await(history.recordAttempt(attempt)))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("caseId must not be blank");
    }

    private static CallAttempt attempt(String caseId, String campaignId, Instant dialedAt) {
        return new CallAttempt(newId("attempt"), caseId, campaignId, "+4930123456", Optional.empty(), dialedAt,
                Optional.empty(), dialedAt.plusSeconds(25), CallResult.NO_ANSWER, 19);
    }

    private static Outcome outcome(String caseId, Disposition disposition, String notes, Instant recordedAt) {
        return new Outcome(newId("attempt"), caseId, "spring-campaign", "debtor-42", "agent-17", disposition, notes,
                recordedAt);
    }

    private static List<Row> rows(String cql, Object... values) {
        return store.session().execute(SimpleStatement.newInstance(cql, values)).all();
    }

    @Test
    void every_disposition_of_the_agents_form_reads_back_as_recorded() {
        String caseId = newId("case");
        List<Disposition> dispositions = List.of(
                new Disposition.PromiseToPay(new BigDecimal("99.90"), LocalDate.of(2026, 12, 4),
                        dev.collector.domain.outcome.PaymentChannel.DIRECT_DEBIT),
                new Disposition.PaymentTaken(new BigDecimal("40.00"), dev.collector.domain.outcome.PaymentChannel.CARD),
                new Disposition.ThirdParty(), new Disposition.Deceased(), new Disposition.CeaseContact());
        for (int i = 0; i < dispositions.size(); i++) {
            await(history.recordOutcome(new Outcome("attempt-" + i + "-" + caseId, caseId, "spring", "debtor-x",
                    "agent-1", dispositions.get(i), "", NINE_AM.plusSeconds(i))));
        }

        assertThat(await(history.outcomesOf(caseId))).extracting(Outcome::disposition)
                .containsExactlyElementsOf(dispositions);
        assertThat(await(store.caseHistory().page(caseId, 10, Optional.empty())).entries()).isEmpty();
    }

    @Test
    void routing_memory_replays_each_debtors_latest_success_and_callback_even_when_written_out_of_order() {
        String anna = newId("debtor");
        String boris = newId("debtor");
        Outcome oldPromise = outcome(anna, "agent-old", new Disposition.PromiseToPay(new BigDecimal("10.00"),
                LocalDate.of(2026, 12, 1)), NINE_AM);
        Outcome payment = outcome(anna, "agent-new", new Disposition.PaymentTaken(new BigDecimal("20.00"),
                dev.collector.domain.outcome.PaymentChannel.CASH), NINE_AM.plusSeconds(60));
        Outcome callback = outcome(boris, "agent-cb", new Disposition.CallbackRequested(NINE_AM.plusSeconds(7200)),
                NINE_AM);
        Outcome refusal = outcome(boris, "agent-x", new Disposition.Refused(), NINE_AM.plusSeconds(30));
        // the journal replays late: the newer outcomes are written first
        await(history.recordOutcome(payment));
        await(history.recordOutcome(oldPromise));
        await(history.recordOutcome(refusal));
        await(history.recordOutcome(callback));

        List<dev.collector.domain.outcome.RoutingMemory.Remembered> replayed =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        long count = await(store.routingMemory().replay(replayed::add));

        assertThat(count).isEqualTo(replayed.size());
        List<dev.collector.domain.outcome.RoutingMemory.Remembered> annas = replayed.stream()
                .filter(r -> r.debtorId().equals(anna)).toList();
        // SUCCESS and LATEST are both the payment: the older promise was overwritten by write time
        assertThat(annas).extracting(r -> r.agentId() + ":" + r.code())
                .containsExactly("agent-new:PAYMENT_TAKEN", "agent-new:PAYMENT_TAKEN");
        List<dev.collector.domain.outcome.RoutingMemory.Remembered> boriss = replayed.stream()
                .filter(r -> r.debtorId().equals(boris)).toList();
        // oldest first: the callback, then the refusal that settled it
        assertThat(boriss).extracting(r -> r.agentId() + ":" + r.code())
                .containsExactly("agent-cb:CALLBACK_REQUESTED", "agent-x:REFUSED");
        assertThat(boriss.get(0).callbackAt()).contains(NINE_AM.plusSeconds(7200));
    }

    private static Outcome outcome(String debtorId, String agentId, Disposition disposition, Instant at) {
        return new Outcome(newId("attempt"), newId("case"), "spring", debtorId, agentId, disposition, "", at);
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
