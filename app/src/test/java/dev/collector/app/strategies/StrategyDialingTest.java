package dev.collector.app.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.collector.app.followups.StrategyStageFollowUps;
import dev.collector.casequeue.CaseQueueMaintenance;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.compliance.window.CallingWindow;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.domain.casework.DialLease;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.followups.stages.StageAction;
import dev.collector.followups.stages.StageEntered;
import dev.collector.followups.task.TaskKind;
import dev.collector.strategies.book.StrategyBook;
import dev.collector.strategies.book.StrategyBookLoader;
import dev.collector.strategies.segmentation.AssigningStrategy;
import dev.collector.strategies.segmentation.Resegmenting;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The call list on a real Hazelcast member following each case's strategy stage: the stage's call
 * priority orders the queue (the CRM's priority second), a case re-segmented moves in the queue, a
 * case whose stage has no call is not dialed until a stage calls again.
 */
class StrategyDialingTest {

    private static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");
    private static final Duration PARK_FOR = Duration.ofHours(6);
    private static final StrategyBook BOOK = StrategyBookLoader.parse("""
            { "seed": 1,
              "strategies": {
                "gentle": { "stages": [
                    { "on": "NEW", "actions": [ { "do": "CALL", "mode": "PROGRESSIVE", "priority": 2, "cost": 0.5 } ] },
                    { "on": "PROMISE_OPEN", "actions": [ { "do": "SMS", "template": "r", "cost": 0.05 } ] },
                    { "on": "CONTACTED", "actions": [ { "do": "LETTER", "template": "l", "cost": 1 } ] },
                    { "on": "PROMISE_BROKEN", "actions": [ { "do": "CALL", "mode": "PREVIEW", "priority": 20, "cost": 1 } ] } ] },
                "letter-first": { "stages": [
                    { "on": "NEW", "actions": [ { "do": "SMS", "template": "s", "cost": 0.05 },
                                                { "do": "CALL", "mode": "PREDICTIVE", "priority": 9, "cost": 0.5 } ] } ] },
                "urgent": { "stages": [
                    { "on": "NEW", "actions": [ { "do": "CALL", "mode": "PREDICTIVE", "priority": 9, "cost": 0.5 } ] } ] }
              },
              "segments": [
                { "name": "huge", "when": { "amountDue": { "min": 100000 } }, "champion": "letter-first" },
                { "name": "large", "when": { "amountDue": { "min": 1000 } }, "champion": "urgent" },
                { "name": "rest", "champion": "gentle" } ] }
            """, "test");

    private static HazelcastInstance member;
    private static ExecutorService hazelcastWorker;

    private ExecutorService strategyWorker;
    private ExecutorService dialingWorker;
    private HazelcastCallList callList;
    private CaseQueueMaintenance maintenance;
    private Resegmenting resegmenting;
    private StrategyRecording recording;
    private SegmentingCallList crmSide;
    private StageAwareDialing dialerSide;
    private String campaign;
    private static int campaigns;
    private final List<StageEntered> stagesEntered = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        member = HazelcastMember.start(new HazelcastSettings("strategy-dialing-" + ProcessHandle.current().pid(),
                "127.0.0.1", port, List.of()));
        hazelcastWorker = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        if (member != null) {
            member.shutdown();
        }
        hazelcastWorker.shutdownNow();
    }

    @BeforeEach
    void wire() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        campaign = "strategy-dialing-" + (++campaigns);
        callList = new HazelcastCallList(member, hazelcastWorker, CaseQueueSettings.defaults(),
                new InMemoryComplianceAudit(), clock);
        callList.defineRules(new CampaignRules(campaign, ContactRules.strictest()
                .withWindow(CallingWindow.everyDay(LocalTime.MIN, LocalTime.MAX)), Map.of())).toCompletableFuture().join();
        maintenance = callList.maintenance();
        strategyWorker = Executors.newSingleThreadExecutor();
        dialingWorker = Executors.newFixedThreadPool(2);
        stagesEntered.clear();
        StrategyStageFollowUps stages = new StrategyStageFollowUps();
        stages.attach(stagesEntered::add);
        resegmenting = new Resegmenting(new AssigningStrategy(() -> BOOK, clock),
                stages.watching(new HazelcastTrackedCases(member), () -> BOOK),
                caseId -> callList.find(caseId).toCompletableFuture().join());
        QueueSteering steering = new QueueSteering(member, clock, PARK_FOR);
        // no report row is written here (no attempt, outcome or payment goes through it): no ledger
        recording = new StrategyRecording(resegmenting, null, () -> BOOK, agent -> "", strategyWorker,
                steering::follow);
        crmSide = new SegmentingCallList(callList, recording, resegmenting, dialingWorker, clock);
        dialerSide = new StageAwareDialing(callList, resegmenting, steering, dialingWorker);
    }

    @AfterEach
    void stopWorkers() {
        strategyWorker.shutdownNow();
        dialingWorker.shutdownNow();
    }

    @Test
    void the_stage_call_priority_orders_the_queue_and_the_crm_priority_breaks_ties() {
        crmSide.admitAll(List.of(aCase("gentle-crm-50", 50, "200"), aCase("urgent-crm-1", 1, "5000"),
                aCase("urgent-crm-3", 3, "5000"))).toCompletableFuture().join();

        assertThat(leaseNext()).contains("urgent-crm-3");
        assertThat(leaseNext()).contains("urgent-crm-1");
        assertThat(leaseNext()).contains("gentle-crm-50");
        assertThat(entry("urgent-crm-3").aCase().priority()).isEqualTo(9003);
    }

    @Test
    void a_case_whose_new_stage_calls_sooner_moves_up_the_queue() throws Exception {
        crmSide.admitAll(List.of(aCase("urgent", 0, "5000"), aCase("broken", 0, "200"))).toCompletableFuture().join();

        recording.promiseBroken(id("broken"));   // PROMISE_BROKEN: a preview call at priority 20
        settle();

        assertThat(entry("broken").aCase().priority()).isEqualTo(20_000);
        assertThat(leaseNext()).contains("broken");
        assertThat(leaseNext()).contains("urgent");
    }

    @Test
    void a_bulk_loaded_case_whose_first_stage_sends_an_sms_hands_it_to_follow_ups_once() throws Exception {
        crmSide.admitAll(List.of(aCase("huge", 0, "250000"), aCase("small", 0, "200"))).toCompletableFuture().join();
        settle();

        // only the case whose first stage has more than a call is stored and reported
        assertThat(stagesEntered).singleElement().satisfies(stage -> {
            assertThat(stage.caseId()).isEqualTo(id("huge"));
            assertThat(stage.stageKey()).isEqualTo("letter-first/NEW");
            assertThat(stage.actions()).extracting(StageAction::kind).containsExactly(TaskKind.SMS);
        });
        // and it is dialed all the same, by its stage's call priority
        assertThat(leaseNext()).contains("huge");
    }

    @Test
    void a_case_whose_stage_has_no_call_waits_undialed_until_a_stage_calls_again() throws Exception {
        crmSide.admitAll(List.of(aCase("promised", 5, "200"), aCase("other", 0, "200"))).toCompletableFuture().join();

        recording.promiseElsewhere(id("promised"));   // PROMISE_OPEN: an SMS only
        settle();

        CaseEntry parked = entry("promised");
        assertThat(parked.status()).isEqualTo(CaseStatus.SCHEDULED);
        assertThat(parked.reason()).startsWith(ApplyCallStep.PARKED);
        assertThat(parked.dueAt()).contains(NOW.plus(PARK_FOR));
        assertThat(leaseNext()).contains("other");
        assertThat(leaseNext()).isEmpty();

        recording.promiseBroken(id("promised"));      // PROMISE_BROKEN: a call again
        settle();

        assertThat(entry("promised").status()).isEqualTo(CaseStatus.WAITING);
        assertThat(leaseNext()).contains("promised");
    }

    @Test
    void the_dialer_gives_back_a_leased_case_whose_stage_has_no_call_with_its_attempt_withdrawn() throws Exception {
        crmSide.admitAll(List.of(aCase("quiet", 9, "200"), aCase("next", 0, "200"))).toCompletableFuture().join();
        // the case moved into a stage without a call while nobody told the call list (rules reloaded)
        resegmenting.promiseMadeElsewhere(id("quiet"));

        assertThat(leaseNext()).contains("next");
        CaseEntry quiet = entry("quiet");
        assertThat(quiet.status()).isEqualTo(CaseStatus.SCHEDULED);
        assertThat(quiet.reason()).startsWith(ApplyCallStep.PARKED);
        assertThat(quiet.attempts()).isZero();
    }

    @Test
    void a_case_the_crm_sends_again_while_its_stage_has_no_call_is_parked() throws Exception {
        Case promised = aCase("admitted-promised", 0, "200");
        crmSide.admitAll(List.of(promised)).toCompletableFuture().join();
        resegmenting.promiseMadeElsewhere(id("admitted-promised"));
        // the CRM sends the case again (a new version): ranked by the assignment in force
        crmSide.admit(promised).toCompletableFuture().join();
        settle();

        assertThat(entry("admitted-promised").status()).isEqualTo(CaseStatus.SCHEDULED);
        assertThat(leaseNext()).isEmpty();
    }

    @Test
    void a_callback_the_debtor_asked_for_is_made_even_in_a_stage_without_a_call() {
        crmSide.admitAll(List.of(aCase("callback", 0, "200"), aCase("refused", 5, "200"))).toCompletableFuture().join();
        // both reached (CONTACTED: a letter, no call); one asked to be called back, and comes due for it
        resegmenting.outcomeRecorded(outcome("callback", new Disposition.CallbackRequested(NOW.plusSeconds(60))));
        resegmenting.outcomeRecorded(outcome("refused", new Disposition.Refused()));

        assertThat(leaseNext()).contains("callback");
        assertThat(entry("refused").reason()).startsWith(ApplyCallStep.PARKED);
    }

    private Outcome outcome(String name, Disposition disposition) {
        return new Outcome("att-" + id(name), id(name), campaign, "debtor-" + id(name), "agent-01", disposition, "",
                NOW);
    }

    /** Lets the strategy worker finish what it was given, then the call list's maintenance run once. */
    private void settle() throws Exception {
        strategyWorker.submit(() -> { }).get(10, TimeUnit.SECONDS);
        maintenance.runOnce();
    }

    private Optional<String> leaseNext() {
        return dialerSide.leaseNext(campaign).toCompletableFuture().join().map(DialLease::caseId)
                .map(caseId -> caseId.substring(campaign.length() + 1));
    }

    private CaseEntry entry(String id) {
        return callList.entryOf(id(id)).toCompletableFuture().join().orElseThrow();
    }

    /** Each test has its own campaign, and its cases their own ids. */
    private String id(String name) {
        return campaign + "-" + name;
    }

    private Case aCase(String id, int crmPriority, String amount) {
        String caseId = id(id);
        return new Case(caseId, campaign, new Debtor("debtor-" + caseId, "Jana Novakova"),
                List.of(new Claim("claim-" + caseId, new BigDecimal(amount), "CZK", LocalDate.of(2026, 1, 1))),
                List.of("+420601000001"), ZoneId.of("Europe/Prague"), crmPriority, NOW, 0, "", Set.of());
    }
}
