package dev.collector.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.casequeue.campaigns.HazelcastCampaigns;
import dev.collector.casequeue.campaigns.NewCampaign;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.console.supervisor.FloorHistory;
import dev.collector.console.supervisor.FloorSnapshot;
import dev.collector.domain.campaign.Campaign;
import dev.collector.domain.campaign.CampaignState;
import dev.collector.domain.campaign.DialMode;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.outcomes.OutcomeStoreSettings;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.skills.AgentProfiles;
import dev.collector.statestore.DurableMaps;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What supervisors changed from the wall, and the wall's curve of the day, after the node restarts:
 * a real Cassandra node under the durable maps, one Hazelcast member shut down (the whole cluster
 * gone) and a new one started on the same keyspace, as a restarted node would.
 */
class SupervisionKeptOverRestartTest {

    private static final String KEYSPACE = "kept_supervision";
    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");
    private static OutcomeStore store;
    private static ExecutorService worker;

    @BeforeAll
    static void startCassandra() throws IOException {
        Path data = Path.of("target", "kept-supervision-cassandra");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        OutcomeStoreSettings settings = OutcomeStoreSettings.defaults().withKeyspace(KEYSPACE)
                .withLocalNode(OutcomeStoreSettings.defaults().localNode().withDataDir(data)
                        .withPorts(freePort(), freePort(), freePort(), freePort()));
        store = OutcomeStore.open(settings);
        worker = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.shutdownNow();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void the_cap_mode_pause_and_curve_a_supervisor_saw_come_back_after_a_restart() throws Exception {
        String cluster = "kept-" + UUID.randomUUID();
        Clock clock = Clock.fixed(NINE.plusSeconds(200), ZoneOffset.UTC);
        List<FloorHistory.Minute> drawn;
        String node;

        HazelcastInstance before = member(cluster);
        try {
            node = before.getCluster().getLocalMember().getAddress().toString();
            HazelcastCampaigns campaigns = campaigns(before);
            campaigns.create("tenant-1", new NewCampaign("c1", "Early stage", DialMode.PROGRESSIVE,
                    CampaignRules.strictest("c1")));
            KeptSupervision kept = new KeptSupervision(before, node, clock);
            SupervisorControls controls = new SupervisorControls(campaigns, Optional::empty, new AgentProfiles(List.of()),
                    new AgentRoster(clock, List.of()), worker, () -> { }, kept::abandonCapSet);
            controls.changeDialMode("c1", "PREDICTIVE").toCompletableFuture().get(30, TimeUnit.SECONDS);
            controls.pauseCampaign("c1", "storm").toCompletableFuture().get(30, TimeUnit.SECONDS);
            kept.abandonCapSet("c1", 0.015);   // what capAbandonRate keeps once the running dialer took it

            FloorHistory wall = new FloorHistory();
            kept.keep(wall);
            wall.sample(floor(NINE, 0, 0));
            wall.sample(floor(NINE.plusSeconds(60), 30, 1));
            wall.sample(floor(NINE.plusSeconds(120), 70, 2));
            wall.sample(floor(NINE.plusSeconds(180), 90, 2));
            drawn = wall.minutes();
            assertThat(drawn).hasSize(3);
            // the curve is written through asynchronously: wait until Cassandra has all three minutes
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (before.<String, List<FloorHistory.Minute>>getMap(KeptSupervision.HISTORY_MAP).get(node).size() < 3) {
                assertThat(System.nanoTime()).as("curve kept in time").isLessThan(deadline);
                Thread.sleep(50);
            }
        } finally {
            before.shutdown();
        }

        HazelcastInstance after = member(cluster);
        try {
            Campaign campaign = campaigns(after).get("tenant-1", "c1").orElseThrow();
            assertThat(campaign.dialMode()).isEqualTo(DialMode.PREDICTIVE);
            assertThat(campaign.state()).isEqualTo(CampaignState.PAUSED);

            KeptSupervision kept = new KeptSupervision(after, node, clock);
            List<Double> appliedToTheDialer = new ArrayList<>();
            kept.applyKeptCap("c1", appliedToTheDialer::add);
            kept.applyKeptCap("c2", appliedToTheDialer::add);   // nobody capped c2: its dialer keeps its own
            assertThat(appliedToTheDialer).containsExactly(0.015);

            FloorHistory restarted = new FloorHistory();
            kept.keep(restarted);
            assertThat(restarted.minutes()).isEqualTo(drawn);
            restarted.sample(floor(NINE.plusSeconds(600), 0, 0));     // the new node's counters start at zero
            restarted.sample(floor(NINE.plusSeconds(660), 12, 0));
            assertThat(restarted.minutes()).extracting(FloorHistory.Minute::dials).containsExactly(30L, 40L, 20L, 12L);
        } finally {
            after.shutdown();
        }
    }

    private static HazelcastInstance member(String cluster) throws IOException {
        Config config = HazelcastMember.config(new HazelcastSettings(cluster, "127.0.0.1", freePort(), List.of()));
        DurableMaps.persist(config, CompletableFuture.completedFuture(store.session()), KEYSPACE,
                KeptSupervision.SETTINGS_MAP, KeptSupervision.HISTORY_MAP, HazelcastCampaigns.CAMPAIGNS);
        return HazelcastMember.start(config);
    }

    private static HazelcastCampaigns campaigns(HazelcastInstance member) {
        HazelcastCallList callList = new HazelcastCallList(member, worker, CaseQueueSettings.defaults(),
                new InMemoryComplianceAudit(), Clock.systemUTC());
        return new HazelcastCampaigns(member, callList, callList, Clock.systemUTC());
    }

    private static FloorSnapshot floor(Instant at, long dialed, long abandoned) {
        return new FloorSnapshot(at, "c1", "progressive", dialed, 0, 0, Map.of(),
                Map.of("ANSWERED", dialed / 3, "ABANDONED", abandoned), List.of());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
