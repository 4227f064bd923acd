package dev.collector.faultdrill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.app.demo.DemoDebtors;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.console.simulatedagent.SimulatedAgent;
import dev.collector.console.simulatedagent.SimulatedAgentSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault drill with real processes: three Collector nodes (each its own JVM) in one Hazelcast
 * cluster over one Cassandra node, dialing one campaign of tenant A through the PBX simulator,
 * with bots working the agent desktop of each node. The drills run in this order on the same
 * cluster: hostile traffic while it dials, the AMI link cut for 10 s, then {@code kill -9} of a
 * node mid-campaign. The Cassandra outage (60 s) is {@link CassandraOutageDrill}, run apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillTest {

    private static final Duration LEASE_TTL = Duration.ofSeconds(10);

    private DrillCluster cluster;
    private DialWatch watch;
    private DrillCrm crm;
    private Vertx vertx;
    private final List<SimulatedAgent> agents = new ArrayList<>();
    private final List<String> submitted = new ArrayList<>();
    /** Debtors' numbers (without the +, as channel names carry them) and names: none may reach a log. */
    private final List<String> personalData = new ArrayList<>();
    private int batches;

    @BeforeAll
    void startCluster() throws Exception {
        long begin = System.nanoTime();
        cluster = DrillCluster.start(Path.of("").toAbsolutePath(), 3, 0.02, LEASE_TTL);
        System.out.printf("[drill] cluster of %d nodes up in %.1f s: %s%n", cluster.clusterSize(),
                (System.nanoTime() - begin) / 1e9, cluster.nodes());
        watch = DialWatch.start("127.0.0.1", cluster.pbx().port(), DrillCluster.AMI_USER, DrillCluster.AMI_SECRET);
        crm = new DrillCrm(cluster.nodes().get(0).grpcPort(), DrillCluster.TENANT_A_TOKEN);
        crm.createCampaign(DrillCluster.campaignRules());
        vertx = Vertx.vertx();
        // two bots per node: agent-01/02 on node 1, 03/04 on node 2, 05/06 on node 3
        for (int i = 1; i <= DrillCluster.SIMULATED_AGENTS; i++) {
            agents.add(bot(DrillCluster.agentId(i), cluster.nodes().get((i - 1) / 2)));
        }
        Future.all(agents.stream().map(SimulatedAgent::start).toList()).await(60, TimeUnit.SECONDS);
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (vertx != null) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        if (crm != null) {
            crm.close();
        }
        if (watch != null) {
            watch.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void tenThousandHostileRequestsAreEachAnsweredWithTheRightErrorAndLeakNothing() throws Exception {
        submit(40);
        List<Integer> grpcPorts = cluster.nodes().stream().map(NodeProcess::grpcPort).toList();
        HostileGrpcTraffic grpc = new HostileGrpcTraffic(grpcPorts, List.copyOf(submitted), 2026);
        HostileSocketTraffic socket = new HostileSocketTraffic(vertx,
                cluster.nodes().stream().map(NodeProcess::httpPort).toList(), 2027);
        long begin = System.nanoTime();
        grpc.send(9_000);
        double grpcSeconds = (System.nanoTime() - begin) / 1e9;
        begin = System.nanoTime();
        socket.send(1_000);
        double socketSeconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("[drill] 9,000 hostile gRPC requests in %.1f s, by status: %s%n", grpcSeconds, grpc.byCode());
        grpc.answers().forEach((kind, codes) -> System.out.printf("[drill]   %s: %s%n", kind, codes));
        System.out.printf("[drill] %d hostile socket messages in %.1f s: errors by field %s, other replies %s%n",
                socket.sent(), socketSeconds, socket.errorsByField(), socket.otherReplies());

        assertThat(grpc.findings()).as("requests answered other than rightly").isEmpty();
        assertThat(grpc.byCode().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(9_000);
        assertThat(socket.otherReplies()).as("replies to hostile socket messages that were not errors").isEmpty();
        assertThat(socket.errorsByField().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000);
        assertThat(cluster.nodes()).allMatch(NodeProcess::isAlive);
        // tenant A's cases are all still there, none cancelled or paid by tenant B
        assertThat(cluster.cases().stream().map(e -> e.aCase().caseId()).collect(Collectors.toSet()))
                .containsAll(submitted);
        assertThat(cluster.cases()).noneMatch(e -> e.reason().contains("hostile"));
        assertThat(cluster.nodes().stream().map(NodeProcess::logText))
                .noneMatch(log -> log.contains(DrillCluster.TENANT_A_TOKEN) || log.contains(DrillCluster.TENANT_B_TOKEN)
                        || log.contains(DrillCluster.GUARDED_PIN) || log.contains(DrillCluster.AMI_SECRET));
    }

    @Test
    @Order(2)
    void dialingResumesAfterTheAmiLinkIsCutForTenSeconds() {
        submit(60);
        awaitUntil(Duration.ofSeconds(30), () -> cluster.pbx().stats().originates() > 10);
        cluster.link().cut(Duration.ofSeconds(10));
        long cutAt = System.nanoTime();
        long originatesAtCut = cluster.pbx().stats().originates();
        awaitUntil(Duration.ofSeconds(11), () -> !cluster.link().isCut());
        long atHeal = cluster.pbx().stats().originates();
        awaitUntil(Duration.ofSeconds(60), () -> cluster.pbx().stats().originates() >= atHeal + 5);
        double resumedAfter = (System.nanoTime() - cutAt) / 1e9 - 10;
        System.out.printf("[drill] AMI link cut for 10 s at %d originates (%d during the cut, %d reconnects refused);"
                + " 5 new originates %.1f s after it healed%n", originatesAtCut, atHeal - originatesAtCut,
                cluster.link().refused(), resumedAfter);
        assertThat(cluster.nodes()).allMatch(NodeProcess::isAlive);
    }

    @Test
    @Order(3)
    void killingANodeMidCampaignLosesNoCaseDialsNoNumberTwiceAndItsAgentsWorkElsewhere() throws Exception {
        submit(60);
        NodeProcess victim = cluster.nodes().get(2);
        String victimUuid = cluster.memberUuid(victim).orElseThrow();
        awaitUntil(Duration.ofSeconds(60), () -> leasedBy(victimUuid).size() >= 1);
        long originatesAtKill = cluster.pbx().stats().originates();
        Set<String> heldByVictim = leasedBy(victimUuid);
        victim.kill();
        long killedAt = System.nanoTime();
        System.out.printf("[drill] kill -9 %s at %d originates, holding %d leases: %s%n", victim, originatesAtKill,
                heldByVictim.size(), heldByVictim);

        // its agents log in on node 1 and take calls there
        List<SimulatedAgent> moved = List.of(bot(DrillCluster.agentId(5), cluster.nodes().get(0)),
                bot(DrillCluster.agentId(6), cluster.nodes().get(0)));
        Future.all(moved.stream().map(SimulatedAgent::start).toList()).await(30, TimeUnit.SECONDS);
        double agentsBackAfter = (System.nanoTime() - killedAt) / 1e9;

        awaitUntil(Duration.ofSeconds(20), () -> cluster.clusterSize() == 2);
        // the dead node's leases lapse and its cases move on
        awaitUntil(LEASE_TTL.plusSeconds(40), () -> leasedBy(victimUuid).isEmpty());
        double reconciledAfter = (System.nanoTime() - killedAt) / 1e9;
        // the rest of the campaign is dialed by the two nodes left
        awaitUntil(Duration.ofSeconds(180), () -> {
            Map<CaseStatus, Long> byStatus = cluster.casesByStatus();
            return byStatus.getOrDefault(CaseStatus.WAITING, 0L) == 0 && byStatus.getOrDefault(CaseStatus.LEASED, 0L) == 0;
        }, () -> "cases by status " + cluster.casesByStatus() + ", " + cluster.pbx().stats() + "; not moved on: "
                + cluster.cases().stream().filter(e -> e.status() == CaseStatus.WAITING || e.status() == CaseStatus.LEASED)
                        .map(CaseEntry::toString).toList());
        double drainedAfter = (System.nanoTime() - killedAt) / 1e9;
        List<CaseEntry> cases = cluster.cases();
        Map<CaseStatus, Long> byStatus = cluster.casesByStatus();
        long callsTakenByMoved = moved.stream().mapToLong(a -> a.counts().callsTaken()).sum();
        System.out.printf("[drill] after the kill: agents back on node 1 in %.1f s, dead node's leases lapsed in %.1f s,"
                + " campaign drained in %.1f s; cases by status %s; %d originates in all, %d debtor calls seen,"
                + " most calls to one number at once %d; moved agents took %d calls%n", agentsBackAfter,
                reconciledAfter, drainedAfter, byStatus, cluster.pbx().stats().originates(), watch.debtorCalls(),
                watch.mostCallsToOneNumberAtOnce(), callsTakenByMoved);

        assertThat(cases).extracting(e -> e.aCase().caseId()).containsExactlyInAnyOrderElementsOf(submitted);
        assertThat(cases).allMatch(e -> EnumSet.of(CaseStatus.SCHEDULED, CaseStatus.CLOSED, CaseStatus.HELD)
                .contains(e.status()));
        assertThat(cases).allMatch(e -> e.attempts() >= 1);
        assertThat(heldByVictim).allMatch(id -> cases.stream().filter(e -> e.aCase().caseId().equals(id))
                .allMatch(e -> e.status() != CaseStatus.LEASED));
        assertThat(watch.overlaps()).as("numbers rung by two calls at once").isEmpty();
        assertThat(watch.mostCallsToOneNumberAtOnce()).isEqualTo(1);
        assertThat(callsTakenByMoved).as("calls taken on node 1 by the dead node's agents").isPositive();
        for (NodeProcess node : cluster.nodes()) {
            String log = node.logText();
            assertThat(personalData).as("debtors' numbers and names in the log of " + node.name())
                    .noneMatch(log::contains);
        }
    }

    private Set<String> leasedBy(String holder) {
        return cluster.cases().stream().filter(e -> e.status() == CaseStatus.LEASED)
                .filter(e -> e.leaseHolder().filter(holder::equals).isPresent())
                .map(e -> e.aCase().caseId()).collect(Collectors.toSet());
    }

    private void submit(int count) {
        batches++;
        List<DemoDebtors.DemoCase> cases = DemoDebtors.generate(count, 100 + batches, LocalDate.now(), "B" + batches + "-");
        assertThat(crm.submit(DrillCluster.CAMPAIGN, cases).getAcceptedCaseIdsCount()).isEqualTo(count);
        cases.forEach(c -> submitted.add(c.caseId()));
        cases.forEach(c -> {
            personalData.add(c.phone().substring(1));
            personalData.add(c.name());
        });
    }

    private SimulatedAgent bot(String agentId, NodeProcess node) {
        return new SimulatedAgent(vertx, SimulatedAgentSettings.of("127.0.0.1", node.httpPort(), agentId, agentId.hashCode())
                .withThinkTime(Duration.ofMillis(200)).withWrapUpDelay(Duration.ofMillis(50)).withClock(Clock.systemUTC()));
    }

    private static void awaitUntil(Duration timeout, BooleanSupplier condition) {
        awaitUntil(timeout, condition, () -> "");
    }

    private static void awaitUntil(Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + " " + state.get());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
