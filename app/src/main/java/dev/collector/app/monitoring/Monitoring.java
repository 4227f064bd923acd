package dev.collector.app.monitoring;

import com.datastax.oss.driver.api.core.CqlSession;
import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.campaigns.HazelcastCampaigns;
import dev.collector.console.operations.OperationsRoutes;
import dev.collector.console.supervisor.FloorSource;
import dev.collector.console.supervisor.SupervisorActionJournal;
import dev.collector.console.supervisor.SupervisorLogins;
import dev.collector.console.supervisor.SupervisorWall;
import dev.collector.dialer.campaign.CampaignDialer;
import dev.collector.followups.store.CassandraFollowUpStore;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.skills.AgentProfiles;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Live monitoring of one node, wired in one place: the wall's slow figures, the parts' health, the
 * supervisors' controls and journal, and the Prometheus metrics. The composition root creates it
 * before the console and tells it of the PBX, the dialer and the CRM bridge as they start.
 */
public final class Monitoring implements AutoCloseable {

    private final SupervisorConfig config;
    private final FloorFacts facts;
    private final PartsHealth health = new PartsHealth();
    private final SupervisorControls controls;
    private final KeptSupervision kept;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private volatile Optional<CampaignDialer> dialer = Optional.empty();
    private SupervisorWall wall;
    private NodeMetrics metrics;

    private Monitoring(SupervisorConfig config, FloorFacts facts, HazelcastCampaigns campaigns, AgentProfiles profiles,
                       AgentRoster roster, Executor worker, KeptSupervision kept) {
        this.config = config;
        this.facts = facts;
        this.kept = kept;
        this.controls = new SupervisorControls(campaigns, () -> dialer, profiles, roster, worker,
                facts::recountCampaigns, kept::abandonCapSet);
    }

    /**
     * @param followUps the follow-up store when follow-ups run (for the SLA figures)
     * @param worker    where supervisor actions block on Hazelcast
     */
    public static Monitoring start(SupervisorConfig config, HazelcastInstance hazelcast, HazelcastCallList callList,
                                   String campaignId, String abandonWindowsMap,
                                   Optional<CassandraFollowUpStore> followUps, AgentProfiles profiles,
                                   AgentRoster roster, Executor worker, Clock clock) {
        FloorFacts facts = new FloorFacts(hazelcast, campaignId, abandonWindowsMap, followUps, config.slaWarning(),
                clock).start();
        // the node's Hazelcast address names its curve: the same when it comes back
        KeptSupervision kept = new KeptSupervision(hazelcast,
                hazelcast.getCluster().getLocalMember().getAddress().toString(), clock);
        Monitoring monitoring = new Monitoring(config, facts, new HazelcastCampaigns(hazelcast, callList, callList,
                clock), profiles, roster, worker, kept);
        monitoring.started.push(facts);
        monitoring.started.push(monitoring.health.start());
        monitoring.health.watch("hazelcast", () -> hazelcast.getLifecycleService().isRunning());
        return monitoring;
    }

    public FloorFacts facts() {
        return facts;
    }

    /** The supervisor wall over the floor, and the metrics read from it. Once. */
    public SupervisorWall wall(FloorSource floor, Clock clock) {
        if (wall != null) {
            throw new IllegalStateException("the wall is made once");
        }
        wall = new SupervisorWall(floor, controls, new SupervisorLogins(config.pinDigests()),
                new SupervisorActionJournal(Optional.of(config.journal())), health, config.thresholds(), clock);
        kept.keep(wall.history());
        metrics = new NodeMetrics(wall, health);
        started.push(metrics);
        return wall;
    }

    public OperationsRoutes operations() {
        if (metrics == null) {
            throw new IllegalStateException("make the wall first: the metrics read it");
        }
        return new OperationsRoutes(health, metrics::scrape);
    }

    public void watchCassandra(CqlSession session) {
        health.watch("cassandra", () -> session.executeAsync("SELECT release_version FROM system.local")
                .toCompletableFuture().get(2, TimeUnit.SECONDS).one() != null);
    }

    public void watchAmi(BooleanSupplier connected) {
        health.watch("ami", connected::getAsBoolean);
    }

    /**
     * The CRM bridge answers the standard gRPC health check over loopback; behind TLS only whether
     * its port takes connections is checked.
     */
    public void watchGrpc(int port, boolean tls) {
        if (tls) {
            health.watch("grpc", () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                    return true;
                }
            });
            return;
        }
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        started.push(() -> channel.shutdownNow().awaitTermination(1, TimeUnit.SECONDS));
        health.watch("grpc", () -> HealthGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance()).getStatus() == HealthCheckResponse.ServingStatus.SERVING);
    }

    /** The dialer runs: supervisors may lower its abandon cap, and the cap one set before a restart holds again. */
    public void dialerStarted(CampaignDialer running) {
        // a cap the configuration was lowered below since is not applied: the configuration wins
        kept.applyKeptCap(running.campaignId(), running::capAbandonRate);
        dialer = Optional.of(running);
    }

    /** The PIN drawn for the demo supervisor, to print at start. */
    public Optional<String> demoSupervisorPin() {
        return config.demoPin();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                // stopping: nothing left to tell
            }
        }
    }
}
