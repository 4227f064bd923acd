package dev.collector.faultdrill;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.collector.app.demo.DemoDebtors;
import dev.collector.console.simulatedagent.SimulatedAgent;
import dev.collector.console.simulatedagent.SimulatedAgentSettings;
import dev.collector.outcomes.CassandraSessions;
import dev.collector.protos.v1.OutcomeEvent;
import dev.collector.protos.v1.OutcomeServiceGrpc;
import dev.collector.protos.v1.StreamOutcomesRequest;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The long drill, run apart from the tests (about 4 minutes on 2 cores):
 * {@code mvn -B -q install -pl fault-drill -am -DskipTests && mvn -B -q -pl fault-drill exec:exec@cassandra-outage}.
 * Two Collector nodes dial a campaign; the Cassandra node is stopped for 60 s while they go on, then
 * started again on the same data. Every attempt and outcome the CRM heard on the outcome stream
 * must then be in Cassandra: none lost, whichever node's journal held it. Writes
 * {@code fault-drill/results/cassandra-outage.md}; exits 1 when an outcome is missing.
 */
public final class CassandraOutageDrill {

    private static final Duration OUTAGE = Duration.ofSeconds(60);

    private CassandraOutageDrill() {
    }

    public static void main(String[] args) throws Exception {
        Path moduleDir = Path.of(args.length > 0 ? args[0] : "fault-drill");
        Instant began = Instant.now();
        Map<String, String> attempts = new ConcurrentHashMap<>(); // attempt id -> case id
        Map<String, String> outcomes = new ConcurrentHashMap<>();
        List<String> report = new ArrayList<>();
        boolean lost;
        try (DrillCluster cluster = DrillCluster.start(moduleDir, 2, 0.02, Duration.ofSeconds(10))) {
            Vertx vertx = Vertx.vertx();
            DrillCrm crm = new DrillCrm(cluster.nodes().get(0).grpcPort(), DrillCluster.TENANT_A_TOKEN);
            crm.createCampaign(DrillCluster.campaignRules());
            OutcomeServiceGrpc.newStub(crm.channel())
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(DrillCrm.bearer(DrillCluster.TENANT_A_TOKEN)))
                    .streamOutcomes(StreamOutcomesRequest.newBuilder().setCampaignId(DrillCluster.CAMPAIGN).build(),
                            new StreamObserver<>() {
                                @Override
                                public void onNext(OutcomeEvent event) {
                                    if (event.hasAttemptEnded()) {
                                        attempts.put(event.getAttemptEnded().getAttemptId(), event.getAttemptEnded().getCaseId());
                                    } else if (event.hasOutcomeRecorded()) {
                                        outcomes.put(event.getOutcomeRecorded().getAttemptId(), event.getOutcomeRecorded().getCaseId());
                                    }
                                }

                                @Override
                                public void onError(Throwable t) {
                                    System.out.println("[outage] outcome stream ended: " + t);
                                }

                                @Override
                                public void onCompleted() {
                                }
                            });
            List<SimulatedAgent> bots = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                NodeProcess node = cluster.nodes().get((i - 1) / 2);
                bots.add(new SimulatedAgent(vertx, SimulatedAgentSettings.of("127.0.0.1", node.httpPort(),
                        DrillCluster.agentId(i), i).withThinkTime(Duration.ofMillis(200))
                        .withWrapUpDelay(Duration.ofMillis(50)).withClock(Clock.systemUTC())));
            }
            Future.all(bots.stream().map(SimulatedAgent::start).toList()).await(60, TimeUnit.SECONDS);
            crm.submit(DrillCluster.CAMPAIGN, DemoDebtors.generate(300, 77, LocalDate.now(), "CO-"));

            Thread.sleep(15_000);
            int attemptsBefore = attempts.size();
            long originatesBefore = cluster.pbx().stats().originates();
            Duration stopping = cluster.stopCassandra();
            Thread.sleep(OUTAGE.toMillis());
            int attemptsDuring = attempts.size() - attemptsBefore;
            long originatesDuring = cluster.pbx().stats().originates() - originatesBefore;
            Duration starting = cluster.startCassandra();
            long restartedAt = System.nanoTime();
            report.add(String.format("- before the outage (15 s of dialing): %d attempts heard by the CRM", attemptsBefore));
            report.add(String.format("- Cassandra stopped in %.1f s, down for %d s, started again in %.1f s",
                    stopping.toMillis() / 1000.0, OUTAGE.toSeconds(), starting.toMillis() / 1000.0));
            report.add(String.format("- during the outage: %d originates, %d attempts heard by the CRM; nodes alive: %s",
                    originatesDuring, attemptsDuring, cluster.nodes().stream().allMatch(NodeProcess::isAlive)));

            try (CqlSession session = CassandraSessions.open(List.of(new InetSocketAddress("127.0.0.1",
                    cluster.cassandraSettings().cqlPort())), "datacenter1", Duration.ofSeconds(10), List.of("collector"))) {
                PreparedStatement attemptsOf = session.prepare("SELECT attempt_id FROM collector.call_attempts_by_case WHERE case_id = ?");
                PreparedStatement outcomesOf = session.prepare("SELECT attempt_id FROM collector.outcomes_by_case WHERE case_id = ?");
                Set<String> missingAttempts = Set.of();
                Set<String> missingOutcomes = Set.of();
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                do {
                    Thread.sleep(2_000);
                    missingAttempts = missing(session, attemptsOf, Map.copyOf(attempts));
                    missingOutcomes = missing(session, outcomesOf, Map.copyOf(outcomes));
                } while ((!missingAttempts.isEmpty() || !missingOutcomes.isEmpty()) && System.nanoTime() < deadline);
                report.add(String.format("- after the restart: %d attempts and %d outcomes heard in all; missing from Cassandra"
                        + " %.0f s after it was back: %d attempts, %d outcomes", attempts.size(), outcomes.size(),
                        (System.nanoTime() - restartedAt) / 1e9, missingAttempts.size(), missingOutcomes.size()));
                lost = !missingAttempts.isEmpty() || !missingOutcomes.isEmpty();
                if (lost) {
                    report.add("- missing attempts: " + missingAttempts + ", outcomes: " + missingOutcomes);
                }
            }
            // does dialing come back by itself? originates in the 30 s from the restart on
            long originatesAtRestart = originatesBefore + originatesDuring;
            long wait = Duration.ofSeconds(30).toNanos() - (System.nanoTime() - restartedAt);
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
            report.add(String.format("- dialing after the restart: %d originates in the first %.0f s",
                    cluster.pbx().stats().originates() - originatesAtRestart, (System.nanoTime() - restartedAt) / 1e9));
            for (SimulatedAgent bot : bots) {
                bot.stop().await(5, TimeUnit.SECONDS);
            }
            crm.close();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        String text = "# Cassandra outage drill\n\n" + began + ", " + Runtime.getRuntime().availableProcessors()
                + " cores; 2 Collector nodes (separate JVMs), 1 Cassandra node, PBX simulator at time scale 0.02, 4 bots\n\n"
                + String.join("\n", report) + "\n";
        Path results = moduleDir.resolve("results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("cassandra-outage.md"), text);
        System.out.println(text);
        System.exit(lost ? 1 : 0);
    }

    private static Set<String> missing(CqlSession session, PreparedStatement byCase, Map<String, String> heard) {
        Map<String, Set<String>> storedByCase = new ConcurrentHashMap<>();
        Set<String> missing = new HashSet<>();
        heard.forEach((attemptId, caseId) -> {
            Set<String> stored = storedByCase.computeIfAbsent(caseId, id -> {
                Set<String> ids = new HashSet<>();
                try {
                    for (Row row : session.execute(byCase.bind(id))) {
                        ids.add(row.getString("attempt_id"));
                    }
                } catch (RuntimeException e) {
                    // Cassandra not answering yet: counts as missing this round
                }
                return ids;
            });
            if (!stored.contains(attemptId)) {
                missing.add(attemptId);
            }
        });
        return missing;
    }
}
