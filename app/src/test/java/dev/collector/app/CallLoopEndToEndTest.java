package dev.collector.app;

import static dev.collector.app.NodeTestFiles.deleteRecursively;
import static dev.collector.app.NodeTestFiles.freePorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.app.config.NodeConfig;
import dev.collector.app.demo.DemoCrm;
import dev.collector.app.demo.DemoDebtors;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.compliance.window.CallingWindow;
import dev.collector.console.ConsoleOptions;
import dev.collector.console.simulatedagent.SimulatedAgent;
import dev.collector.console.simulatedagent.SimulatedAgentSettings;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.dialer.campaign.CampaignDialPlan;
import dev.collector.domain.agent.Agent;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.Outcome;
import dev.collector.outcomes.OutcomeStoreSettings;
import dev.collector.protos.v1.AttemptEnded;
import dev.collector.protos.v1.CallResult;
import dev.collector.protos.v1.OutcomeEvent;
import dev.collector.protos.v1.OutcomeRecorded;
import dev.collector.protos.v1.OutcomeServiceGrpc;
import dev.collector.protos.v1.StreamOutcomesRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;


import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole call loop with real parts: a CRM client submits cases over gRPC, the dialer calls
 * them through Asterisk-Java and the AMI simulator, simulated agents take the calls on the agent
 * desktop's socket and record outcomes, Cassandra keeps the attempts and outcomes, and the CRM
 * client hears every one of them on the outcome stream.
 */
class CallLoopEndToEndTest {

    private static final String CAMPAIGN = "e2e";
    private static final int CASES = 50;
    private static final int AGENTS = 4;
    private static final String SUPERVISOR_PIN = "1357";

    static NodeConfig config;
    static CollectorNode node;
    static List<SimulatedAgent> agents = new ArrayList<>();

    @BeforeAll
    static void startNode() throws IOException {
        Path cassandraData = Path.of("target", "e2e-cassandra");
        deleteRecursively(cassandraData); // every run starts from an empty contact history
        List<Integer> cassandraPorts = freePorts(4);
        OutcomeStoreSettings store = OutcomeStoreSettings.defaults().withLocalNode(OutcomeStoreSettings.defaults()
                .localNode()
                .withDataDir(cassandraData)
                .withPorts(cassandraPorts.get(0), cassandraPorts.get(1), cassandraPorts.get(2), cassandraPorts.get(3)));
        List<Agent> roster = IntStream.rangeClosed(1, AGENTS)
                .mapToObj(i -> new Agent("agent-0" + i, "Agent " + i, "Local/10" + i + "@agents")).toList();
        config = new NodeConfig(
                new HazelcastSettings("e2e-" + ProcessHandle.current().pid(), "127.0.0.1", 5741, List.of()),
                store,
                new CrmBridgeSettings("127.0.0.1", 0, Duration.ofSeconds(2)),
                new ConsoleOptions("127.0.0.1", 0),
                Optional.empty(),
                // a fiftieth of real time: rings of 0.1-0.4 s, conversations of a few seconds
                new NodeConfig.SimulatorConfig("127.0.0.1", 0, 0.02, 11),
                new CampaignDialPlan(CAMPAIGN, "Local/{number}@debtors", "collector-connect", "agent",
                        Duration.ofSeconds(25), "Collector <+420800100200>"),
                // open around the clock, so that the test passes whatever the hour in Prague
                new CampaignRules(CAMPAIGN, ContactRules.strictest().withWindow(
                        CallingWindow.everyDay(LocalTime.MIN, LocalTime.MAX)), Map.of()),
                CaseQueueSettings.defaults(),
                roster,
                new NodeConfig.DemoConfig(false, 0, 0, 0));
        // the supervisor wall shows the floor to a logged-in supervisor only
        System.setProperty("collector.supervisors.pins", "e2e-supervisor:"
                + dev.collector.console.agentdesktop.AgentLogins.digestOf(SUPERVISOR_PIN));
        node = CollectorNode.start(config);
        for (Agent agent : roster) {
            agents.add(new SimulatedAgent(node.vertx(), SimulatedAgentSettings
                    .of("127.0.0.1", node.httpPort(), agent.agentId(), agent.agentId().hashCode())
                    .withThinkTime(Duration.ofMillis(100)).withWrapUpDelay(Duration.ofMillis(50))
                    .withClock(Clock.systemUTC())));
        }
        Future.all(agents.stream().map(SimulatedAgent::start).toList()).await();
    }

    @AfterAll
    static void stopNode() {
        System.clearProperty("collector.supervisors.pins");
        if (node != null) {
            node.close();
        }
    }

    @Test
    void everyAnsweredCaseComesBackToTheCrmWithItsOutcomeAndCassandraHoldsEveryAttempt() throws Exception {
        List<OutcomeEvent> heard = new CopyOnWriteArrayList<>();
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", node.grpcPort()).usePlaintext().build();
        try (DemoCrm crm = new DemoCrm("127.0.0.1", node.grpcPort())) {
            OutcomeServiceGrpc.newStub(channel).streamOutcomes(
                    StreamOutcomesRequest.newBuilder().setCampaignId(CAMPAIGN).build(), collectInto(heard));
            List<DemoDebtors.DemoCase> cases = DemoDebtors.generate(CASES, 2026, LocalDate.now());
            crm.createCampaign(config.campaignRules());

            assertThat(crm.submit(CAMPAIGN, cases).getAcceptedCaseIdsCount()).isEqualTo(CASES);

            awaitUntil(Duration.ofSeconds(150), () -> attempts(heard).size() == CASES
                    && outcomes(heard).size() == answered(heard).size());
            Set<String> submittedIds = cases.stream().map(DemoDebtors.DemoCase::caseId).collect(Collectors.toSet());

            // Each case was dialed once; the mix of results is the simulated debtors'.
            assertThat(attempts(heard)).extracting(AttemptEnded::getCaseId).containsExactlyInAnyOrderElementsOf(submittedIds);
            assertThat(answered(heard)).isNotEmpty();
            assertThat(attempts(heard)).extracting(AttemptEnded::getResult)
                    .contains(CallResult.CALL_RESULT_BUSY, CallResult.CALL_RESULT_NO_ANSWER);
            // Every answered call was bridged to an agent, and its outcome came back to the CRM.
            assertThat(answered(heard)).allSatisfy(a -> assertThat(a.getAgentId()).startsWith("agent-0"));
            assertThat(outcomes(heard)).extracting(OutcomeRecorded::getAttemptId)
                    .containsExactlyInAnyOrderElementsOf(answered(heard).stream().map(AttemptEnded::getAttemptId).toList());

            assertThatCassandraHoldsWhatTheCrmHeard(attempts(heard), outcomes(heard));
            assertThatTheSupervisorWallCountsTheSameCalls(answered(heard).size());
            Map<String, CaseEntry> before = assertThatEveryCaseMovedOnWithItsDecisionAudited(attempts(heard));
            assertThatARestartLosesNoCaseNorRetry(before);
        } finally {
            channel.shutdownNow();
        }
    }

    private static void assertThatCassandraHoldsWhatTheCrmHeard(List<AttemptEnded> attempts, List<OutcomeRecorded> outcomes)
            throws Exception {
        ContactHistory history = node.outcomeStore().contactHistory();
        Map<String, OutcomeRecorded> outcomeByAttempt = outcomes.stream()
                .collect(Collectors.toMap(OutcomeRecorded::getAttemptId, Function.identity()));
        for (AttemptEnded heard : attempts) {
            List<CallAttempt> stored = history.attemptsOf(heard.getCaseId()).toCompletableFuture().get();
            assertThat(stored).singleElement().satisfies(a -> {
                assertThat(a.attemptId()).isEqualTo(heard.getAttemptId());
                assertThat(a.result().name()).isEqualTo(heard.getResult().name().replace("CALL_RESULT_", ""));
                assertThat(a.hangupCause()).isEqualTo(heard.getHangupCause());
                assertThat(a.phoneNumber()).isEqualTo(heard.getPhoneNumber());
            });
            List<Outcome> storedOutcomes = history.outcomesOf(heard.getCaseId()).toCompletableFuture().get();
            OutcomeRecorded streamed = outcomeByAttempt.get(heard.getAttemptId());
            if (streamed == null) {
                assertThat(storedOutcomes).isEmpty();
            } else {
                assertThat(storedOutcomes).singleElement().satisfies(o -> {
                    assertThat(o.agentId()).isEqualTo(streamed.getAgentId());
                    assertThat(o.disposition().code()).isEqualTo(streamed.getDisposition().name().replace("DISPOSITION_", ""));
                });
            }
        }
    }

    /**
     * Unanswered cases wait for their retry, answered ones for what the disposition said (a
     * disputed one is held); none waits now.
     */
    private static Map<String, CaseEntry> assertThatEveryCaseMovedOnWithItsDecisionAudited(List<AttemptEnded> attempts)
            throws Exception {
        awaitUntil(Duration.ofSeconds(20), () -> attempts.stream().map(a -> entry(a.getCaseId()).status())
                .allMatch(status -> status == CaseStatus.SCHEDULED || status == CaseStatus.HELD));
        Map<String, CaseEntry> entries = new java.util.HashMap<>();
        for (AttemptEnded attempt : attempts) {
            CaseEntry entry = entry(attempt.getCaseId());
            entries.put(attempt.getCaseId(), entry);
            assertThat(entry.attempts()).isEqualTo(1);
            if (entry.status() == CaseStatus.HELD) {
                assertThat(entry.reason()).isEqualTo("DISPUTE_OPEN");
            } else {
                assertThat(entry.dueAt()).isPresent();
            }
            if (attempt.getResult() != CallResult.CALL_RESULT_ANSWERED) {
                assertThat(entry.reason()).isEqualTo("retry after " + attempt.getResult().name().replace("CALL_RESULT_", ""));
            }
            assertThat(node.outcomeStore().complianceAudit().decisionsOn(attempt.getCaseId()).toCompletableFuture().get())
                    .anySatisfy(decision -> {
                        assertThat(decision.decision()).isEqualTo("PERMITTED");
                        assertThat(decision.attemptId()).isEqualTo(attempt.getAttemptId());
                        assertThat(decision.phoneNumber()).isEqualTo(attempt.getPhoneNumber());
                    });
        }
        assertThat(node.callList().waiting(CAMPAIGN).toCompletableFuture().get()).isZero();
        return entries;
    }

    /** The node stops and starts again on the same Cassandra data: every case is where it was. */
    private static void assertThatARestartLosesNoCaseNorRetry(Map<String, CaseEntry> before) throws Exception {
        Future.all(agents.stream().map(SimulatedAgent::stop).toList()).await();
        agents.clear();
        node.close();
        node = null;
        node = CollectorNode.start(config);
        for (Map.Entry<String, CaseEntry> was : before.entrySet()) {
            CaseEntry now = entry(was.getKey());
            boolean retryDueByNow = was.getValue().status() == CaseStatus.SCHEDULED
                    && was.getValue().dueAt().map(due -> !due.isAfter(java.time.Instant.now())).orElse(false);
            if (retryDueByNow && now.status() == CaseStatus.WAITING) {
                // A short retry (a wrong party's next number, 1 min) fell due during a slow
                // restart and the maintenance promoted it: the stored schedule did its job.
                assertThat(now.attempts()).as(was.getKey()).isEqualTo(1);
                continue;
            }
            assertThat(now.status()).as(was.getKey()).isEqualTo(was.getValue().status());
            assertThat(now.dueAt()).as(was.getKey()).isEqualTo(was.getValue().dueAt());
            assertThat(now.reason()).as(was.getKey()).isEqualTo(was.getValue().reason());
            assertThat(now.attempts()).as(was.getKey()).isEqualTo(1);
        }
    }

    private static CaseEntry entry(String caseId) {
        try {
            return node.callList().entryOf(caseId).toCompletableFuture().get().orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertThatTheSupervisorWallCountsTheSameCalls(int answered) throws Exception {
        HttpClient supervisor = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        assertThat(supervisor.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort()
                        + "/supervisor/login")).POST(HttpRequest.BodyPublishers.ofString(new JsonObject()
                        .put("supervisorId", "e2e-supervisor").put("pin", SUPERVISOR_PIN).encode())).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> response = supervisor.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.httpPort() + "/supervisor/floor")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject floor = new JsonObject(response.body());
        assertThat(floor.getLong("dialed")).isEqualTo(CASES);
        assertThat(floor.getLong("callsInFlight")).isZero();
        assertThat(floor.getJsonObject("endedByResult").getLong("ANSWERED")).isEqualTo(answered);
        assertThat(floor.getJsonArray("agents")).hasSize(AGENTS);
    }

    private static List<AttemptEnded> attempts(List<OutcomeEvent> events) {
        return events.stream().filter(OutcomeEvent::hasAttemptEnded).map(OutcomeEvent::getAttemptEnded).toList();
    }

    private static List<AttemptEnded> answered(List<OutcomeEvent> events) {
        return attempts(events).stream().filter(a -> a.getResult() == CallResult.CALL_RESULT_ANSWERED).toList();
    }

    private static List<OutcomeRecorded> outcomes(List<OutcomeEvent> events) {
        return events.stream().filter(OutcomeEvent::hasOutcomeRecorded).map(OutcomeEvent::getOutcomeRecorded).toList();
    }

    private static StreamObserver<OutcomeEvent> collectInto(List<OutcomeEvent> heard) {
        return new StreamObserver<>() {
            @Override
            public void onNext(OutcomeEvent event) {
                heard.add(event);
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        };
    }

    private static void awaitUntil(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + limit + "; dialer counters: "
                        + node.dialer().counters().endedByResult() + ", dialed " + node.dialer().counters().dialedCount()
                        + ", roster " + node.roster().statuses());
            }
            Thread.sleep(100);
        }
    }
}
