package dev.collector.app;

import com.hazelcast.core.HazelcastInstance;
import dev.collector.app.config.NodeConfig;
import com.hazelcast.config.Config;
import dev.collector.casequeue.CaseQueueMaintenance;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.console.ConsoleServer;
import dev.collector.crmbridge.CrmBridgeServer;
import dev.collector.crmbridge.feed.HazelcastCrmFeed;
import dev.collector.dialer.ami.PbxPool;
import dev.collector.dialer.ami.AmiSettings;
import dev.collector.dialer.campaign.DialerCounters;
import dev.collector.dialer.campaign.AnsweredCallFlow;
import dev.collector.dialer.campaign.CampaignDialer;
import dev.collector.dialer.campaign.RoutedAgentChooser;
import dev.collector.dialer.campaign.PacingSettings;
import dev.collector.dialer.window.AbandonWindow;
import dev.collector.domain.campaign.Campaign;
import dev.collector.domain.campaign.CampaignDirectory;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.pbx.PbxSimulator;
import dev.collector.statestore.DurableMaps;
import dev.collector.pbx.SimulatorSettings;
import dev.collector.routing.disposition.RecordingDisposition;
import dev.collector.routing.roster.AgentRoster;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Collector node, wired from its configuration: the composition root. Starts the parts in
 * dependency order and stops them in reverse.
 */
public final class CollectorNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CollectorNode.class);

    private final NodeConfig config;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private Vertx vertx;
    private HazelcastInstance hazelcast;
    private HazelcastCallList callList;
    private HazelcastCrmFeed crmFeed;
    private OutcomeStore outcomeStore;
    private Optional<PbxSimulator> simulator = Optional.empty();
    private AmiSettings amiSettings;
    private AgentRoster roster;
    private ConsoleServer console;
    private CampaignDialer dialer;
    private CrmBridgeServer crmBridge;
    private dev.collector.app.monitoring.Monitoring monitoring;
    private dev.collector.app.strategies.StrategyWiring strategies;

    private CollectorNode(NodeConfig config) {
        this.config = config;
    }

    public static CollectorNode start(NodeConfig config) {
        CollectorNode node = new CollectorNode(config);
        try {
            node.startParts(Clock.systemUTC());
            return node;
        } catch (RuntimeException | Error e) {
            node.close();
            throw e;
        }
    }

    private void startParts(Clock clock) {
        // Cassandra takes the longest to come up (a separate JVM): start it while the rest starts.
        CompletableFuture<OutcomeStore> store = CompletableFuture.supplyAsync(() -> OutcomeStore.open(config.outcomeStore(), clock));

        vertx = Vertx.vertx();
        started.push(() -> vertx.close().await());

        // Cases, contact records, the do-not-call list and campaign rules are written through to
        // Cassandra: a retry scheduled, a hold placed or an attempt counted survives a restart.
        Config hazelcastConfig = HazelcastMember.config(config.hazelcast());
        DurableMaps.persist(hazelcastConfig, store.thenApply(OutcomeStore::session), config.outcomeStore().keyspace(),
                HazelcastCallList.CASES, HazelcastCallList.CONTACT_RECORDS, HazelcastCallList.DO_NOT_CALL,
                HazelcastCallList.CAMPAIGN_RULES, dev.collector.casequeue.campaigns.HazelcastCampaigns.CAMPAIGNS,
                HazelcastAbandonWindows.MAP, dev.collector.app.strategies.StrategyWiring.TRACKED_CASES,
                dev.collector.app.monitoring.KeptSupervision.SETTINGS_MAP,
                dev.collector.app.monitoring.KeptSupervision.HISTORY_MAP);
        hazelcast = HazelcastMember.start(hazelcastConfig);
        started.push(hazelcast::shutdown);
        crmFeed = new HazelcastCrmFeed(hazelcast, HazelcastCrmFeed.DEFAULT_CAPACITY);
        // Events still being appended reach the feed before Hazelcast goes.
        started.push(() -> crmFeed.flushed().toCompletableFuture().get(5, TimeUnit.SECONDS));

        amiSettings = config.externalPbx().orElseGet(this::startSimulator);

        outcomeStore = store.join();
        started.push(outcomeStore);
        // Who saw or changed which debtor's data (screen pops, CRM reads and updates, report views): V011.
        dev.collector.outcomes.audit.CassandraAccessAudit accessAudit =
                dev.collector.outcomes.audit.CassandraAccessAudit.prepare(outcomeStore.session(), outcomeStore.keyspace());

        ExecutorService hazelcastWorker = Executors.newFixedThreadPool(4, daemon("call-list"));
        started.push(hazelcastWorker::shutdownNow);
        // Loads the stored maps and, on a fresh cluster, rebuilds the campaign queues from them.
        callList = new HazelcastCallList(hazelcast, hazelcastWorker, config.callList(), outcomeStore.complianceAudit(), clock);
        callList.defineRules(config.campaignRules()).toCompletableFuture().join();
        CaseQueueMaintenance maintenance = callList.maintenance().start();
        started.push(maintenance);

        // Outcomes wait in a local journal while Cassandra is away; follow-ups are planned from them.
        // Segments and strategies: every state change of a case segments it again (rules checked here).
        // Stages a case enters hand their SMS, e-mail, letter and agency actions to the follow-ups.
        dev.collector.app.followups.StrategyStageFollowUps stageFollowUps =
                new dev.collector.app.followups.StrategyStageFollowUps();
        strategies = dev.collector.app.strategies.StrategyWiring.start(
                dev.collector.app.strategies.StrategyConfig.load(dev.collector.app.config.ConfigSource.system()),
                hazelcast, callList, outcomeStore, dev.collector.app.config.RoutingConfigLoader.load(
                        dev.collector.app.config.ConfigSource.system()).profiles(), clock, started, stageFollowUps);
        dev.collector.domain.outcome.ContactHistory contactHistory = strategies.recording(
                dev.collector.app.followups.FollowUpWiring.contactHistory(config.followUps(), config.demo().enabled(),
                        outcomeStore, callList, clock, started, strategies::promiseBroken, stageFollowUps));

        // Routing: the affinity index learns who succeeded with each debtor from every history read
        // (the dialer reads a case's outcomes as it dials) and every disposition recorded.
        dev.collector.app.config.RoutingConfig routingConfig =
                dev.collector.app.config.RoutingConfigLoader.load(dev.collector.app.config.ConfigSource.system());
        dev.collector.routing.affinity.AffinityIndex affinities = new dev.collector.routing.affinity.AffinityIndex();
        // ...and, before the first call is routed, from what Cassandra remembers: a restart forgets nobody.
        log.info("Affinity index rebuilt from {} remembered outcomes", affinities.rebuildFrom(
                outcomeStore.routingMemory()).toCompletableFuture().orTimeout(2, TimeUnit.MINUTES).join());
        contactHistory = new dev.collector.routing.affinity.AffinityLearningHistory(contactHistory, affinities);
        roster = new AgentRoster(clock, config.agents(), routingConfig.wrapUpTimes(), routingConfig.pauseReasons());
        // one profiles object for routing and the supervisors, who may move agents between queues
        dev.collector.routing.skills.AgentProfiles profiles =
                new dev.collector.routing.skills.AgentProfiles(routingConfig.profiles());
        dev.collector.routing.assignment.ChoosingAnAgent routing = new dev.collector.routing.assignment.ChoosingAnAgent(
                roster, profiles, routingConfig.queues(),
                affinities, routingConfig.settings(), clock);
        RecordingDisposition recording = new RecordingDisposition(roster, callList, contactHistory, crmFeed, callList,
                clock);
        DialerCounters counters = new DialerCounters();
        // Live monitoring: the supervisor wall and its controls, health, readiness and metrics.
        monitoring = dev.collector.app.monitoring.Monitoring.start(dev.collector.app.monitoring.SupervisorConfig.load(
                        dev.collector.app.config.ConfigSource.system(), config.demo().enabled(),
                        config.followUps().journalFile().resolveSibling("supervisor-actions.jsonl")),
                hazelcast, callList, config.dialPlan().campaignId(), HazelcastAbandonWindows.MAP,
                config.followUps().enabled() ? Optional.of(dev.collector.followups.store.CassandraFollowUpStore.prepare(
                        outcomeStore.session(), outcomeStore.keyspace())) : Optional.empty(),
                profiles, roster, hazelcastWorker, clock);
        started.push(monitoring);
        monitoring.watchCassandra(outcomeStore.session());
        FloorReport floor = new FloorReport(config.dialPlan().campaignId(), counters, callList, roster,
                monitoring.facts(), clock);
        console = ConsoleServer.deploy(vertx, new ConsoleServer(config.console(), roster, recording, clock,
                new dev.collector.console.agentdesktop.AgentLogins(routingConfig.pinDigests()),
                monitoring.wall(floor, clock).withAdmins(new dev.collector.console.supervisor.SupervisorLogins(
                        dev.collector.console.access.AdminPins.parse(dev.collector.app.config.ConfigSource.system()
                                .string("collector.admins.pins", "")))), monitoring.operations())
                .withReports(strategies.reportsPage()).withAccessAudit(accessAudit, accessAudit::accessesTo)).await();
        started.push(() -> console.close().await());
        // The strategies' call scripts on every screen pop (plain text, one [strategy] section each).
        dev.collector.app.config.ConfigSource.system().find("collector.desktop.scripts-file").map(java.nio.file.Path::of)
                .map(dev.collector.routing.desktop.ScriptBook::read).ifPresent(console.agentDesktop()::useScripts);

        // Every configured Asterisk (or the simulator): each call goes to one with room; a PBX that is
        // down takes none until its session is back and its calls are reconciled.
        // Without machine detection the dialplan's trace (Newexten, VarSet) is not needed: half the events.
        String events = config.machines().detect() ? AmiSettings.ALL_EVENTS : AmiSettings.CALL_EVENTS;
        PbxPool pbx = PbxPool.of((config.pbxs().isEmpty() ? java.util.List.of(amiSettings) : config.pbxs()).stream()
                .map(server -> server.withEvents(events)).toList(), reconnectBackoff(dev.collector.app.config.ConfigSource.system()));
        connect(pbx);
        started.push(pbx);
        monitoring.watchAmi(pbx::isConnected);
        // The campaign's dial mode is read from the campaign map on every tick: a change by the CRM
        // or a supervisor takes effect within a second.
        com.hazelcast.map.IMap<String, Campaign> campaignMap =
                hazelcast.getMap(dev.collector.casequeue.campaigns.HazelcastCampaigns.CAMPAIGNS);
        CampaignDirectory campaigns = campaignId -> campaignMap.getAsync(campaignId).thenApply(Optional::ofNullable);
        PacingSettings pacing = PacingSettings.defaults();
        AbandonWindow window = new AbandonWindow(config.dialPlan().campaignId(), pacing.window(),
                new HazelcastAbandonWindows(hazelcast), clock);
        dialer = new CampaignDialer(config.dialPlan(), AnsweredCallFlow.defaults().withMachines(config.machines()),
                pacing, campaigns, strategies.dialing(callList), roster, pbx, contactHistory, crmFeed,
                new dev.collector.console.access.AuditedAgentDesktop(console.agentDesktop(), accessAudit, clock),
                new RoutedAgentChooser(routing, clock),
                window, counters, clock);
        String dialerId = vertx.deployVerticle(dialer).await();
        started.push(() -> vertx.undeploy(dialerId).await());
        monitoring.dialerStarted(dialer);

        crmBridge = CrmBridgeServer.start(config.crmBridge(), strategies.watching((dev.collector.domain.casework.CallList) callList),
                strategies.watching((dev.collector.compliance.ledger.ContactRestrictions) callList), crmFeed, hazelcast,
                config.followUps().enabled() ? new dev.collector.followups.history.CaseHistoryWithFollowUps(
                        outcomeStore.caseHistory(), dev.collector.followups.store.CassandraFollowUpStore.prepare(
                                outcomeStore.session(), outcomeStore.keyspace()), hazelcastWorker)
                        : outcomeStore.caseHistory(), accessAudit, clock);
        started.push(crmBridge);
        monitoring.watchGrpc(crmBridge.port(), config.crmBridge().tls().isPresent());
    }

    private AmiSettings startSimulator() {
        NodeConfig.SimulatorConfig sim = config.simulator();
        PbxSimulator pbx = PbxSimulator.start(SimulatorSettings.defaults()
                .withHost(sim.host()).withPort(sim.port()).withTimeScale(sim.timeScale()).withSeed(sim.seed()));
        simulator = Optional.of(pbx);
        started.push(pbx);
        SimulatorSettings defaults = SimulatorSettings.defaults();
        return new AmiSettings(sim.host(), pbx.port(), defaults.username(), defaults.secret());
    }

    private static void connect(PbxPool pbx) {
        try {
            pbx.connect();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot log in to the PBX over AMI: " + e.getMessage(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public Vertx vertx() {
        return vertx;
    }

    public HazelcastCallList callList() {
        return callList;
    }

    public OutcomeStore outcomeStore() {
        return outcomeStore;
    }

    public AgentRoster roster() {
        return roster;
    }

    public CampaignDialer dialer() {
        return dialer;
    }

    public Optional<PbxSimulator> simulator() {
        return simulator;
    }

    public AmiSettings amiSettings() {
        return amiSettings;
    }

    public int grpcPort() {
        return crmBridge.port();
    }

    /** The PIN drawn for the demo's supervisor when none is configured. */
    public Optional<String> demoSupervisorPin() {
        return monitoring.demoSupervisorPin();
    }

    public int httpPort() {
        return console.port();
    }

    public NodeConfig config() {
        return config;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("Error while stopping {}: {}", part, e.toString());
            }
        }
    }

    /**
     * How a lost AMI session is ridden out: {@code collector.ami.reconnect-first} and
     * {@code reconnect-max} (seconds) bound the backoff, {@code collector.ami.calls-lost-after} is how
     * long a PBX may stay out of reach before its calls count as lost and their agents are freed.
     */
    static dev.collector.dialer.ami.ReconnectBackoff reconnectBackoff(dev.collector.app.config.ConfigSource source) {
        try {
            return new dev.collector.dialer.ami.ReconnectBackoff(
                    source.seconds("collector.ami.reconnect-first", java.time.Duration.ofMillis(100)),
                    source.seconds("collector.ami.reconnect-max", java.time.Duration.ofSeconds(10)),
                    source.seconds("collector.ami.calls-lost-after",
                            dev.collector.dialer.ami.ReconnectBackoff.DEFAULT_CALLS_LOST_AFTER));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("settings collector.ami.reconnect-first, reconnect-max, calls-lost-after: "
                    + e.getMessage(), e);
        }
    }
}
