package dev.collector.followups;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.followups.cases.CaseFact;
import dev.collector.followups.channels.MessageTemplates;
import dev.collector.followups.channels.SmppSmsGateway;
import dev.collector.followups.channels.SmtpMailer;
import dev.collector.followups.rules.RuleBook;
import dev.collector.followups.rules.RuleBookLoader;
import dev.collector.followups.store.CassandraFollowUpStore;
import dev.collector.followups.store.Delivery;
import dev.collector.followups.store.Escalation;
import dev.collector.followups.task.FollowUpTask;
import dev.collector.followups.task.TaskKind;
import dev.collector.followups.task.TaskStatus;
import dev.collector.followups.testing.KnownCases;
import dev.collector.followups.testing.MutableClock;
import dev.collector.followups.testing.TestSmsc;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.outcomes.OutcomeStoreSettings;
import dev.collector.outcomes.node.NodeSettings;
import dev.collector.outcomes.testing.TestNode;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real Cassandra node, real SMTP server (GreenMail), real SMPP session to an SMSC in this JVM; simulated time. */
@ExtendWith(TestNode.class)
class FollowUpEngineTest {

    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
    /** Monday 23 November 2026, 11:00 in Prague. */
    private static final Instant MONDAY_10_UTC = Instant.parse("2026-11-23T10:00:00Z");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static OutcomeStore outcomes;
    private static TestSmsc smsc;

    private final KnownCases cases = new KnownCases();
    private final MutableClock clock = new MutableClock(MONDAY_10_UTC);
    private final List<AutoCloseable> open = new ArrayList<>();
    private FollowUpEngine engine;

    @BeforeAll
    static void startServers(NodeSettings node) throws Exception {
        outcomes = OutcomeStore.open(OutcomeStoreSettings.defaults().withLocalNode(node).withKeyspace("follow_ups_test"));
        smsc = new TestSmsc();
    }

    @AfterAll
    static void stopServers() throws Exception {
        smsc.close();
        outcomes.close();
    }

    @BeforeEach
    void startEngine() {
        engine = newEngine(outcomes);
    }

    @AfterEach
    void stopEngines() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void a_promise_to_pay_sends_a_confirmation_sms_now_and_a_reminder_the_day_before_the_promised_date() {
        Case aCase = knownCase(Set.of());
        Outcome promise = outcome(aCase, new Disposition.PromiseToPay(new BigDecimal("120.00"), LocalDate.of(2026, 11, 27)));

        List<FollowUpTask> planned = await(engine.outcomeRecorded(promise));
        assertThat(planned).extracting(FollowUpTask::rule).containsExactlyInAnyOrder("promise-confirmation",
                "promise-reminder");
        assertThat(await(engine.outcomeRecorded(promise))).as("the same outcome again plans nothing").isEmpty();

        sweep();
        assertThat(smsc.to(aCase.primaryPhone())).singleElement()
                .satisfies(sms -> assertThat(sms.text()).contains("120.00").contains("2026-11-27").contains("Jana Novak"));

        // the reminder is due at 10:00 in Prague on the 26th, i.e. 09:00 UTC
        clock.set(Instant.parse("2026-11-26T08:59:00Z"));
        sweep();
        assertThat(smsc.to(aCase.primaryPhone())).hasSize(1);
        clock.set(Instant.parse("2026-11-26T09:00:30Z"));
        sweep();
        assertThat(smsc.to(aCase.primaryPhone())).hasSize(2);
        assertThat(smsc.to(aCase.primaryPhone()).get(1).text()).contains("reminder");

        FollowUpTask reminder = task(promise.attemptId() + "/promise-reminder");
        assertThat(reminder.status()).isEqualTo(TaskStatus.DONE);
        assertThat(store().deliveries(reminder.taskId())).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isTrue();
            assertThat(d.detail()).startsWith("SMSC message id");
        });
    }

    @Test
    void no_sms_goes_out_at_night_in_the_debtors_zone_it_waits_for_eight_in_the_morning() {
        Case aCase = knownCase(Set.of());
        clock.set(Instant.parse("2026-11-23T22:30:00Z")); // 23:30 in Prague
        Outcome promise = new Outcome("attempt-" + UUID.randomUUID(), aCase.caseId(), aCase.campaignId(),
                aCase.debtor().debtorId(), "agent-07",
                new Disposition.PromiseToPay(new BigDecimal("50"), LocalDate.of(2026, 12, 10)), "", clock.instant());
        await(engine.outcomeRecorded(promise));

        sweep();
        assertThat(smsc.to(aCase.primaryPhone())).isEmpty();
        assertThat(task(promise.attemptId() + "/promise-confirmation").dueAt())
                .isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));

        clock.set(Instant.parse("2026-11-24T07:00:01Z"));
        sweep();
        assertThat(smsc.to(aCase.primaryPhone())).hasSize(1);
    }

    @Test
    void a_cease_contact_hold_placed_after_planning_stops_the_sms() {
        Case aCase = knownCase(Set.of());
        Outcome promise = outcome(aCase, new Disposition.PromiseToPay(new BigDecimal("80"), LocalDate.of(2026, 12, 4)));
        await(engine.outcomeRecorded(promise));
        cases.put(new CaseFact(aCase, true, Set.of(HoldReason.CEASE_CONTACT), Optional.empty(), "en"));

        sweep();

        assertThat(smsc.to(aCase.primaryPhone())).isEmpty();
        FollowUpTask confirmation = task(promise.attemptId() + "/promise-confirmation");
        assertThat(confirmation.status()).isEqualTo(TaskStatus.SUPPRESSED);
        assertThat(confirmation.lastError()).contains("CEASE_CONTACT");
    }

    @Test
    void an_smsc_failure_is_recorded_and_retried_with_growing_waits_until_the_sms_goes_out() {
        Case aCase = knownCase(Set.of());
        Outcome promise = outcome(aCase, new Disposition.PromiseToPay(new BigDecimal("40"), LocalDate.of(2026, 11, 24)));
        await(engine.outcomeRecorded(promise));
        smsc.refuseNext(2);

        sweep();
        FollowUpTask afterOne = task(promise.attemptId() + "/promise-confirmation");
        assertThat(afterOne.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(afterOne.dueAt()).isEqualTo(MONDAY_10_UTC.plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(1));
        sweep();
        assertThat(task(afterOne.taskId()).dueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(smsc.to(aCase.primaryPhone())).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        sweep();
        assertThat(smsc.to(aCase.primaryPhone())).hasSize(1);
        assertThat(task(afterOne.taskId()).status()).isEqualTo(TaskStatus.DONE);
        assertThat(store().deliveries(afterOne.taskId())).extracting(Delivery::delivered)
                .containsExactly(false, false, true);
    }

    @Test
    void a_broken_promise_is_detected_after_its_date_and_a_call_task_goes_to_the_same_agent_next_morning() {
        Case broken = knownCase(Set.of());
        Case kept = knownCase(Set.of());
        LocalDate date = LocalDate.of(2026, 11, 24);
        Outcome brokenPromise = outcome(broken, new Disposition.PromiseToPay(new BigDecimal("100"), date));
        Outcome keptPromise = outcome(kept, new Disposition.PromiseToPay(new BigDecimal("100"), date));
        await(engine.outcomeRecorded(brokenPromise));
        await(engine.outcomeRecorded(keptPromise));
        // the CRM reports a payment of 100 on the second case: it owes 100 less
        cases.put(new CaseFact(withDue(kept, "400.00"), true, Set.of(), Optional.empty(), "en"));

        clock.set(Instant.parse("2026-11-24T22:30:00Z")); // 23:30 on the promised day in Prague: not broken yet
        sweep();
        assertThat(store().tasksOfCase(broken.caseId())).noneMatch(t -> t.kind() == TaskKind.CALL);

        clock.set(Instant.parse("2026-11-24T23:30:00Z")); // 00:30 on the 25th in Prague
        sweep();
        FollowUpTask call = task("broken/" + brokenPromise.attemptId() + "/broken-promise-call");
        assertThat(call.kind()).isEqualTo(TaskKind.CALL);
        assertThat(call.queue()).isEqualTo("agent:agent-07");
        assertThat(call.dueAt()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z")); // 09:00 in Prague
        assertThat(store().tasksOfCase(kept.caseId())).noneMatch(t -> t.kind() == TaskKind.CALL);

        clock.set(Instant.parse("2026-11-25T08:00:30Z"));
        sweep();
        assertThat(task(call.taskId()).status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(store().queue("agent:agent-07")).contains(call.taskId());
    }

    @Test
    void a_letter_that_misses_its_sla_is_escalated_after_a_restart_in_between() {
        Case aCase = knownCase(Set.of());
        Outcome refusal = outcome(aCase, new Disposition.Refused());
        await(engine.outcomeRecorded(refusal));
        sweep();
        String letterId = refusal.attemptId() + "/refusal-letter";
        assertThat(task(letterId).status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(store().queue("back-office")).contains(letterId);

        // the node stops; nobody writes the letter; it starts again three days later on a new session
        engine.close();
        clock.advance(Duration.ofDays(3));
        try (OutcomeStore reopened = OutcomeStore.open(OutcomeStoreSettings.defaults()
                .withLocalNode(outcomes.localNode().orElseThrow().settings()).withKeyspace("follow_ups_test"))) {
            FollowUpEngine restarted = newEngine(reopened);
            await(restarted.sweepNow());

            FollowUpTask letter = restarted.store().find(letterId).orElseThrow();
            assertThat(letter.status()).isEqualTo(TaskStatus.ESCALATED);
            assertThat(letter.queue()).isEqualTo("back-office-seniors");
            assertThat(restarted.store().queue("back-office")).doesNotContain(letterId);
            assertThat(restarted.store().queue("back-office-seniors")).contains(letterId);
            List<Escalation> escalations = restarted.store().escalationsOn(LocalDate.of(2026, 11, 26));
            assertThat(escalations).filteredOn(e -> e.taskId().equals(letterId)).singleElement()
                    .satisfies(e -> assertThat(e.reason()).startsWith("SLA missed"));
            restarted.close();
        }
    }

    @Test
    void five_attempts_without_contact_send_an_email_in_the_debtors_language_over_smtp() throws Exception {
        Case aCase = knownCase(Set.of());
        cases.put(new CaseFact(aCase, true, Set.of(), Optional.of("jana.novak@example.cz"), "cs"));
        for (int i = 1; i <= 5; i++) {
            CallAttempt attempt = new CallAttempt("attempt-" + i + "-" + aCase.caseId(), aCase.caseId(),
                    aCase.campaignId(), aCase.primaryPhone(), Optional.empty(), MONDAY_10_UTC.plusSeconds(60L * i),
                    Optional.empty(), MONDAY_10_UTC.plusSeconds(60L * i + 25), CallResult.NO_ANSWER, 19);
            await(outcomes.contactHistory().recordAttempt(attempt));
            List<FollowUpTask> planned = await(engine.attemptRecorded(attempt));
            assertThat(planned).hasSize(i == 5 ? 1 : 0);
        }
        clock.set(MONDAY_10_UTC.plusSeconds(330)); // the fifth attempt has ended
        sweep();

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("jana.novak@example.cz");
        assertThat(mail.getSubject()).isEqualTo("Snazili jsme se vas zastihnout");
        assertThat(GreenMailUtil.getBody(mail)).contains("500.00 CZK").contains(aCase.caseId());
    }

    @Test
    void an_outcome_whose_planning_fails_through_a_long_outage_and_a_restart_is_planned_once_it_ends(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Case aCase = knownCase(Set.of());
        Outcome promise = outcome(aCase, new Disposition.PromiseToPay(new BigDecimal("80.00"), LocalDate.of(2026, 11, 30)));
        FollowUpSettings settings = FollowUpSettings.defaults().withPendingJournal(dir.resolve("pending.journal"))
                .withPlanningRetries(new dev.collector.followups.execution.Backoff(Duration.ofMillis(10),
                        Duration.ofMillis(20)));

        // down for 30 tries (the old limit was 12): still planned, without a restart
        cases.failNext(30);
        FollowUpEngine patient = newEngine(outcomes, settings);
        List<FollowUpTask> planned = await(patient.outcomeRecorded(promise));
        assertThat(cases.failuresLeft()).isZero();
        assertThat(planned).extracting(FollowUpTask::rule).contains("promise-confirmation");
        assertThat(await(patient.pendingPlans())).isZero();
        patient.close();

        // down, and the node stops meanwhile: the next start plans it
        Outcome refusal = outcome(aCase, new Disposition.Refused());
        cases.failNext(Integer.MAX_VALUE);
        FollowUpEngine stopped = newEngine(outcomes, settings);
        stopped.outcomeRecorded(refusal);
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (await(stopped.pendingPlans()) == 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(10);
        }
        assertThat(await(stopped.pendingPlans())).isEqualTo(1);
        stopped.close();
        cases.failNext(0);

        FollowUpEngine restarted = newEngine(outcomes, settings).start();
        String letter = refusal.attemptId() + "/refusal-letter";
        waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (restarted.store().find(letter).isEmpty() && System.nanoTime() < waitUntil) {
            Thread.sleep(20);
        }
        assertThat(restarted.store().find(letter)).isPresent();
        assertThat(await(restarted.pendingPlans())).isZero();
    }

    @Test
    void a_case_history_lists_its_attempts_then_its_follow_up_tasks_page_by_page() throws Exception {
        Case aCase = knownCase(Set.of());
        // the store's reads block: never on a driver thread, which the driver refuses
        java.util.concurrent.ExecutorService reads = java.util.concurrent.Executors.newSingleThreadExecutor();
        open.add(reads::shutdownNow);
        for (int i = 1; i <= 3; i++) {
            Instant dialed = MONDAY_10_UTC.minus(Duration.ofHours(4 - i));
            await(outcomes.contactHistory().recordAttempt(new CallAttempt("hist-" + aCase.caseId() + "-" + i,
                    aCase.caseId(), aCase.campaignId(), aCase.primaryPhone(), Optional.empty(), dialed,
                    Optional.empty(), dialed.plusSeconds(25), CallResult.NO_ANSWER, 19)));
        }
        // a promise: a confirmation now and a reminder on the 26th; a refusal: a letter now
        await(engine.outcomeRecorded(outcome(aCase, new Disposition.PromiseToPay(new BigDecimal("50.00"),
                LocalDate.of(2026, 11, 27)))));
        clock.set(MONDAY_10_UTC.plusSeconds(60));
        await(engine.outcomeRecorded(outcome(aCase, new Disposition.Refused())));
        dev.collector.domain.outcome.CaseHistory history = new dev.collector.followups.history.CaseHistoryWithFollowUps(
                outcomes.caseHistory(), engine.store(), reads);

        dev.collector.domain.outcome.CaseHistoryPage first = await(history.page(aCase.caseId(), 2, Optional.empty(), true));
        dev.collector.domain.outcome.CaseHistoryPage second = await(history.page(aCase.caseId(), 2,
                first.nextPageToken(), true));
        dev.collector.domain.outcome.CaseHistoryPage third = await(history.page(aCase.caseId(), 2,
                second.nextPageToken(), true));

        assertThat(first.entries()).extracting(e -> e.attempt().attemptId())
                .containsExactly("hist-" + aCase.caseId() + "-3", "hist-" + aCase.caseId() + "-2");
        assertThat(first.followUps()).isEmpty();
        assertThat(second.entries()).extracting(e -> e.attempt().attemptId()).containsExactly("hist-" + aCase.caseId() + "-1");
        // the reminder is due last (the 26th): it comes first
        assertThat(second.followUps()).extracting(dev.collector.domain.outcome.FollowUpEntry::rule)
                .containsExactly("promise-reminder");
        assertThat(third.entries()).isEmpty();
        assertThat(third.followUps()).extracting(dev.collector.domain.outcome.FollowUpEntry::rule)
                .containsExactly("refusal-letter", "promise-confirmation");
        assertThat(third.followUps().get(0).queue()).isEqualTo("back-office");
        assertThat(third.nextPageToken()).isEmpty();
        assertThat(await(history.page(aCase.caseId(), 2, Optional.empty(), false)).followUps())
                .as("without asking, no follow-ups").isEmpty();
        CompletionStage<dev.collector.domain.outcome.CaseHistoryPage> foreign = history.page("another-case", 2,
                second.nextPageToken(), true);
        assertThat(foreign.toCompletableFuture()).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(dev.collector.domain.outcome.CaseHistory.InvalidPageToken.class);
    }

    private FollowUpEngine newEngine(OutcomeStore store) {
        return newEngine(store, FollowUpSettings.defaults());
    }

    private FollowUpEngine newEngine(OutcomeStore store, FollowUpSettings settings) {
        CassandraFollowUpStore tasks = CassandraFollowUpStore.prepare(store.session(), store.keyspace());
        SmppSmsGateway sms = new SmppSmsGateway("127.0.0.1", smsc.port(), "collector", "secret", "Collector",
                Duration.ofSeconds(5));
        SmtpMailer mail = new SmtpMailer("127.0.0.1", smtp.getSmtp().getPort(), "collections@example.com",
                Optional.empty(), "", false, Duration.ofSeconds(5));
        RuleBook rules = RuleBookLoader.builtIn();
        FollowUpEngine created = new FollowUpEngine(tasks, rules, cases, store.contactHistory(), sms, mail,
                new MessageTemplates(Optional.empty()), settings, clock);
        open.add(created);
        open.add(sms);
        return created;
    }

    private Case knownCase(Set<HoldReason> holds) {
        String id = "case-" + UUID.randomUUID();
        String phone = "+420" + (600000000L + (long) (Math.random() * 99999999));
        Case aCase = new Case(id, "spring", new Debtor("debtor-" + id, "Jana Novak"),
                List.of(new Claim("claim-" + id, new BigDecimal("500.00"), "CZK", LocalDate.of(2026, 9, 1))),
                List.of(phone), PRAGUE, 0, MONDAY_10_UTC);
        cases.put(new CaseFact(aCase, true, holds, Optional.empty(), "en"));
        return aCase;
    }

    private static Case withDue(Case aCase, String due) {
        Claim claim = aCase.claims().get(0);
        return new Case(aCase.caseId(), aCase.campaignId(), aCase.debtor(),
                List.of(new Claim(claim.claimId(), new BigDecimal(due), claim.currency(), claim.dueDate())),
                aCase.phoneNumbers(), aCase.timeZone(), aCase.priority(), aCase.receivedAt());
    }

    private Outcome outcome(Case aCase, Disposition disposition) {
        return new Outcome("attempt-" + UUID.randomUUID(), aCase.caseId(), aCase.campaignId(), aCase.debtor().debtorId(),
                "agent-07", disposition, "", clock.instant());
    }

    private FollowUpTask task(String id) {
        return store().find(id).orElseThrow(() -> new AssertionError("no task " + id));
    }

    private CassandraFollowUpStore store() {
        return engine.store();
    }

    private void sweep() {
        await(engine.sweepNow());
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
