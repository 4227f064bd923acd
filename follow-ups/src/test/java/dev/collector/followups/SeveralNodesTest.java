package dev.collector.followups;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
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
import dev.collector.followups.stages.StageAction;
import dev.collector.followups.stages.StageEntered;
import dev.collector.followups.store.CassandraFollowUpStore;
import dev.collector.followups.store.Delivery;
import dev.collector.followups.store.Escalation;
import dev.collector.followups.store.WatchedPromise;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Follow-up engines of several nodes on one keyspace (two engines in this JVM, each with its own
 * thread, clock, SMPP session and SMTP client), against a real Cassandra node, GreenMail and an
 * SMSC in this JVM; simulated business time, real time for the claims' expiry.
 */
@ExtendWith(TestNode.class)
class SeveralNodesTest {

    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
    /** Monday 23 November 2026, 11:00 in Prague. */
    private static final Instant MONDAY_10_UTC = Instant.parse("2026-11-23T10:00:00Z");
    /** Short, so that the takeover test waits seconds, yet twice what one local send takes at worst. */
    private static final Duration CLAIM_EXPIRY = Duration.ofSeconds(3);
    private static final String RULES = """
            { "strategies": { "default": [
              { "name": "confirmation", "on": "PROMISE_TO_PAY", "channel": "SMS", "template": "promise-confirmation",
                "when": "immediately", "sla": "PT4H", "escalateTo": "supervisors" },
              { "name": "refusal-email", "on": "REFUSED", "channel": "EMAIL", "template": "no-contact",
                "when": "immediately", "sla": "P1D", "escalateTo": "supervisors" },
              { "name": "refusal-letter", "on": "REFUSED", "channel": "LETTER", "template": "refusal-letter",
                "queue": "back-office", "when": "immediately", "sla": "P2D", "escalateTo": "back-office-seniors" },
              { "name": "broken-promise-call", "on": "BROKEN_PROMISE", "channel": "CALL", "queue": "agent:{agent}",
                "when": "next morning at 09:00", "sla": "PT8H", "escalateTo": "senior-collectors" } ] } }
            """;

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static OutcomeStore outcomes;
    private static TestSmsc smsc;

    /** The call list both nodes read. */
    private final KnownCases cases = new KnownCases();
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void startServers(NodeSettings node) throws Exception {
        outcomes = OutcomeStore.open(OutcomeStoreSettings.defaults().withLocalNode(node).withKeyspace("follow_ups_nodes"));
        smsc = new TestSmsc();
    }

    @AfterAll
    static void stopServers() throws Exception {
        smsc.close();
        outcomes.close();
    }

    @AfterEach
    void stopEngines() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void two_nodes_sweeping_the_same_due_tasks_send_each_message_once_and_escalate_each_task_once() {
        MutableClock clockA = new MutableClock(MONDAY_10_UTC);
        MutableClock clockB = new MutableClock(MONDAY_10_UTC);
        FollowUpEngine a = engine(cases, clockA);
        FollowUpEngine b = engine(cases, clockB);
        List<Case> promised = new ArrayList<>();
        List<Case> refused = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Case p = knownCase(Optional.empty());
            promised.add(p);
            // each node plans what its own agents recorded
            await((i % 2 == 0 ? a : b).outcomeRecorded(outcome(p, new Disposition.PromiseToPay(new BigDecimal("60.00"),
                    LocalDate.of(2026, 12, 15)), clockA.instant())));
            Case r = knownCase(Optional.of("debtor" + i + "-" + UUID.randomUUID() + "@example.cz"));
            refused.add(r);
            await((i % 2 == 0 ? b : a).outcomeRecorded(outcome(r, new Disposition.Refused(), clockA.instant())));
        }

        // both nodes sweep at once, several times over
        for (int round = 0; round < 3; round++) {
            CompletableFuture.allOf(a.sweepNow(), b.sweepNow()).join();
        }

        CassandraFollowUpStore store = a.store();
        for (Case p : promised) {
            assertThat(smsc.to(p.primaryPhone())).as("SMS to case %s", p.caseId()).hasSize(1);
        }
        assertThat(smtp.waitForIncomingEmail(5000, refused.size())).isTrue();
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(Arrays.stream(mails).map(SeveralNodesTest::recipient).toList())
                .as("one e-mail to each debtor who refused")
                .containsExactlyInAnyOrderElementsOf(refused.stream().map(c -> cases.email(c.caseId()).orElseThrow()).toList());
        for (Case r : refused) {
            FollowUpTask mail = task(store, taskOf(store, r, "refusal-email"));
            assertThat(mail.status()).isEqualTo(TaskStatus.DONE);
            assertThat(store.deliveries(mail.taskId())).extracting(Delivery::delivered).containsExactly(true);
        }
        List<String> letters = refused.stream().map(r -> taskOf(store, r, "refusal-letter")).toList();
        assertThat(store.queue("back-office")).containsAll(letters);

        // nobody writes the letters: two days later both nodes find their SLA missed at once
        clockA.advance(Duration.ofDays(3));
        clockB.advance(Duration.ofDays(3));
        for (int round = 0; round < 3; round++) {
            CompletableFuture.allOf(a.sweepNow(), b.sweepNow()).join();
        }
        List<Escalation> escalations = new ArrayList<>();
        for (int day = 0; day <= 3; day++) {
            escalations.addAll(store.escalationsOn(LocalDate.of(2026, 11, 23).plusDays(day)));
        }
        for (String letter : letters) {
            assertThat(escalations).filteredOn(e -> e.taskId().equals(letter)).as("escalations of %s", letter)
                    .hasSize(1);
            assertThat(task(store, letter).status()).isEqualTo(TaskStatus.ESCALATED);
        }
        assertThat(store.queue("back-office-seniors")).containsAll(letters);
        for (Case p : promised) {
            assertThat(smsc.to(p.primaryPhone())).hasSize(1);
        }
    }

    @Test
    void a_node_closed_while_holding_claims_leaves_its_tasks_to_another_node_once_the_claims_lapse()
            throws Exception {
        MutableClock clockA = new MutableClock(MONDAY_10_UTC.plus(Duration.ofDays(5)));
        MutableClock clockB = new MutableClock(clockA.instant());
        FollowUpEngine b = engine(cases, clockB);
        List<Case> promised = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Case p = knownCase(Optional.empty());
            promised.add(p);
            await(b.outcomeRecorded(outcome(p, new Disposition.PromiseToPay(new BigDecimal("70.00"),
                    LocalDate.of(2026, 12, 20)), clockB.instant())));
        }
        // node A claims the due tasks and fails in the middle of each (its call list is unreachable), then stops
        KnownCases unreachable = new KnownCases();
        unreachable.failNext(Integer.MAX_VALUE);
        FollowUpEngine a = engine(unreachable, clockA);
        long claimedFrom = System.nanoTime(); // before the claims are taken: what follows measures no less than they lived
        await(a.sweepNow());
        a.close();

        await(b.sweepNow());
        for (Case p : promised) {
            assertThat(smsc.to(p.primaryPhone())).as("claimed by the stopped node: not sent yet").isEmpty();
        }

        long deadline = System.nanoTime() + CLAIM_EXPIRY.toNanos() + TimeUnit.SECONDS.toNanos(10);
        while (promised.stream().anyMatch(p -> smsc.to(p.primaryPhone()).isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            await(b.sweepNow());
        }
        long tookOverAfter = System.nanoTime() - claimedFrom;
        for (Case p : promised) {
            assertThat(smsc.to(p.primaryPhone())).as("sent once by the other node").hasSize(1);
            assertThat(task(b.store(), taskOf(b.store(), p, "confirmation")).status())
                    .isEqualTo(TaskStatus.DONE);
        }
        // a TTL counts from the whole second it was written in: a claim lasts at least the expiry less 1 s
        assertThat(Duration.ofNanos(tookOverAfter)).as("not before the claims lapsed")
                .isGreaterThanOrEqualTo(CLAIM_EXPIRY.minusSeconds(1));
    }

    @Test
    void a_broken_promise_is_followed_up_and_reported_once_when_two_nodes_check_it() {
        MutableClock clockA = new MutableClock(MONDAY_10_UTC.plus(Duration.ofDays(10)));
        MutableClock clockB = new MutableClock(clockA.instant());
        FollowUpEngine a = engine(cases, clockA);
        FollowUpEngine b = engine(cases, clockB);
        List<WatchedPromise> heard = new CopyOnWriteArrayList<>();
        a.whenPromiseBroken(heard::add);
        b.whenPromiseBroken(heard::add);
        List<Outcome> promises = new ArrayList<>();
        LocalDate due = LocalDate.of(2026, 12, 4);
        for (int i = 0; i < 6; i++) {
            Case c = knownCase(Optional.empty());
            Outcome promise = outcome(c, new Disposition.PromiseToPay(new BigDecimal("100"), due), clockA.instant());
            promises.add(promise);
            await((i % 2 == 0 ? a : b).outcomeRecorded(promise));
        }

        clockA.set(Instant.parse("2026-12-04T23:30:00Z")); // 00:30 on the 5th in Prague: broken
        clockB.set(clockA.instant());
        for (int round = 0; round < 3; round++) {
            CompletableFuture.allOf(a.sweepNow(), b.sweepNow()).join();
        }

        assertThat(heard).extracting(WatchedPromise::attemptId)
                .containsExactlyInAnyOrderElementsOf(promises.stream().map(Outcome::attemptId).toList());
        for (Outcome promise : promises) {
            assertThat(a.store().tasksOfCase(promise.caseId())).filteredOn(t -> t.kind() == TaskKind.CALL)
                    .singleElement().satisfies(t -> assertThat(t.queue()).isEqualTo("agent:agent-07"));
        }
    }

    @Test
    void a_case_entering_a_stage_with_an_sms_and_a_letter_gets_exactly_those_tasks_once_the_sms_inside_the_contact_window() {
        // the case enters its strategy's first stage late in the evening in Prague
        MutableClock clockA = new MutableClock(Instant.parse("2026-12-14T20:30:00Z"));
        MutableClock clockB = new MutableClock(clockA.instant());
        FollowUpEngine a = engine(cases, clockA);
        FollowUpEngine b = engine(cases, clockB);
        Case aCase = knownCase(Optional.empty());
        StageEntered stage = new StageEntered(aCase.caseId(), aCase.debtor().debtorId(), aCase.campaignId(),
                "sms-first", "sms-first/NEW", clockA.instant(), List.of(
                        new StageAction(TaskKind.SMS, "payment-reminder", new BigDecimal("0.05")),
                        new StageAction(TaskKind.LETTER, "pre-legal-notice", new BigDecimal("1.10"))));

        List<FollowUpTask> planned = await(a.stageEntered(stage));
        assertThat(planned).extracting(FollowUpTask::kind).containsExactly(TaskKind.SMS, TaskKind.LETTER);
        assertThat(await(b.stageEntered(stage))).as("the same stage reported by another node").isEmpty();
        assertThat(await(a.stageEntered(stage))).as("the same stage again").isEmpty();
        CassandraFollowUpStore store = a.store();
        assertThat(store.tasksOfCase(aCase.caseId())).extracting(FollowUpTask::kind)
                .containsExactlyInAnyOrder(TaskKind.SMS, TaskKind.LETTER);
        FollowUpTask sms = planned.get(0);
        FollowUpTask letter = planned.get(1);
        assertThat(store.actionCost(sms.taskId())).contains(new BigDecimal("0.05"));
        assertThat(store.actionCost(letter.taskId())).contains(new BigDecimal("1.10"));

        CompletableFuture.allOf(a.sweepNow(), b.sweepNow()).join();
        assertThat(smsc.to(aCase.primaryPhone())).as("21:30 in Prague: no SMS").isEmpty();
        assertThat(task(store, sms.taskId()).dueAt()).isEqualTo(Instant.parse("2026-12-15T07:00:00Z"));
        assertThat(task(store, letter.taskId()).status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(store.queue("back-office")).contains(letter.taskId());

        clockA.set(Instant.parse("2026-12-15T07:00:10Z")); // 08:00:10 in Prague
        clockB.set(clockA.instant());
        CompletableFuture.allOf(a.sweepNow(), b.sweepNow()).join();
        CompletableFuture.allOf(a.sweepNow(), b.sweepNow()).join();
        assertThat(smsc.to(aCase.primaryPhone())).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Jana Novak").contains("500.00 CZK"));
        assertThat(task(store, sms.taskId()).status()).isEqualTo(TaskStatus.DONE);
        assertThat(store.tasksOfCase(aCase.caseId())).hasSize(2);
    }

    private FollowUpEngine engine(KnownCases facts, MutableClock clock) {
        CassandraFollowUpStore tasks = CassandraFollowUpStore.prepare(outcomes.session(), outcomes.keyspace());
        SmppSmsGateway sms = new SmppSmsGateway("127.0.0.1", smsc.port(), "collector", "secret", "Collector",
                Duration.ofSeconds(5));
        SmtpMailer mail = new SmtpMailer("127.0.0.1", smtp.getSmtp().getPort(), "collections@example.com",
                Optional.empty(), "", false, Duration.ofSeconds(5));
        RuleBook rules = RuleBookLoader.parse(RULES, "test rules");
        FollowUpEngine created = new FollowUpEngine(tasks, rules, facts, outcomes.contactHistory(), sms, mail,
                new MessageTemplates(Optional.empty()), FollowUpSettings.defaults().withClaimExpiry(CLAIM_EXPIRY),
                clock);
        open.add(created);
        open.add(sms);
        return created;
    }

    private Case knownCase(Optional<String> email) {
        String id = "case-" + UUID.randomUUID();
        String phone = "+420" + (600000000L + (long) (Math.random() * 99999999));
        Case aCase = new Case(id, "spring", new Debtor("debtor-" + id, "Jana Novak"),
                List.of(new Claim("claim-" + id, new BigDecimal("500.00"), "CZK", LocalDate.of(2026, 9, 1))),
                List.of(phone), PRAGUE, 0, MONDAY_10_UTC);
        cases.put(new CaseFact(aCase, true, Set.of(), email, "en"));
        return aCase;
    }

    private static Outcome outcome(Case aCase, Disposition disposition, Instant at) {
        return new Outcome("attempt-" + UUID.randomUUID(), aCase.caseId(), aCase.campaignId(), aCase.debtor().debtorId(),
                "agent-07", disposition, "", at);
    }

    /** The id of the case's task planned by the rule. */
    private static String taskOf(CassandraFollowUpStore store, Case aCase, String rule) {
        return store.tasksOfCase(aCase.caseId()).stream().filter(t -> t.rule().equals(rule)).map(FollowUpTask::taskId)
                .findFirst().orElseThrow(() -> new AssertionError("no " + rule + " task for " + aCase.caseId()));
    }

    private static FollowUpTask task(CassandraFollowUpStore store, String id) {
        return store.find(id).orElseThrow(() -> new AssertionError("no task " + id));
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
