package dev.collector.faultdrill;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.compliance.window.CallingWindow;
import dev.collector.outcomes.node.LocalCassandraNode;
import dev.collector.outcomes.node.NodeSettings;
import dev.collector.pbx.PbxSimulator;
import dev.collector.pbx.SimulatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The production shape on one machine: one Cassandra node (its own JVM), one PBX simulator behind
 * an {@link AmiLink}, and N Collector nodes, each its own JVM, forming one Hazelcast cluster and
 * serving two CRM tenants. The drill reads the shared call list as a Hazelcast client, the way an
 * operator's tool would, never through a node's internals.
 */
public final class DrillCluster implements AutoCloseable {

    public static final String CAMPAIGN = "drill";
    public static final String TENANT_A_TOKEN = "drill-token-of-tenant-a";
    public static final String TENANT_B_TOKEN = "drill-token-of-tenant-b";
    /** Agents the drill's bots play: no PIN, like the demo's. */
    public static final int SIMULATED_AGENTS = 6;
    /** Agents people would play, guarded by a PIN: the hostile socket messages try to get in as them. */
    public static final List<String> GUARDED_AGENTS = List.of("agent-07", "agent-08");
    public static final String GUARDED_PIN = "730145";
    public static final String AMI_USER = "collector";
    public static final String AMI_SECRET = "drill-ami-secret";
    private static final Duration NODE_START = Duration.ofSeconds(240);

    private final Path workDir;
    private final String classpath;
    private final NodeSettings cassandraSettings;
    private final String clusterName = "drill-" + ProcessHandle.current().pid();
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final Duration leaseTtl;
    private LocalCassandraNode cassandra;
    private PbxSimulator pbx;
    private AmiLink link;
    private HazelcastInstance client;

    private DrillCluster(Path workDir, String classpath, NodeSettings cassandraSettings, Duration leaseTtl) {
        this.workDir = workDir;
        this.classpath = classpath;
        this.cassandraSettings = cassandraSettings;
        this.leaseTtl = leaseTtl;
    }

    /**
     * @param moduleDir the fault-drill module (its {@code target/} holds the node classpath and the drill's data)
     * @param timeScale the simulator's: 0.02 makes rings and talks fifty times shorter
     */
    public static DrillCluster start(Path moduleDir, int nodeCount, double timeScale, Duration leaseTtl) {
        Path workDir = moduleDir.resolve("target").resolve("drill").toAbsolutePath();
        deleteRecursively(workDir);
        List<Integer> ports = freePorts(4);
        NodeSettings cassandraSettings = NodeSettings.defaults().withDataDir(workDir.resolve("cassandra"))
                .withPorts(ports.get(0), ports.get(1), ports.get(2), ports.get(3));
        DrillCluster cluster = new DrillCluster(workDir, NodeClasspath.snapshot(moduleDir, workDir.resolve("lib")),
                cassandraSettings, leaseTtl);
        try {
            cluster.startParts(nodeCount, timeScale);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startParts(int nodeCount, double timeScale) {
        CompletableFuture<LocalCassandraNode> node = CompletableFuture.supplyAsync(
                () -> LocalCassandraNode.startOrReuse(cassandraSettings));
        pbx = PbxSimulator.start(SimulatorSettings.defaults().withPort(0).withTimeScale(timeScale).withSeed(11)
                .withUsername(AMI_USER).withSecret(AMI_SECRET));
        link = AmiLink.to("127.0.0.1", pbx.port());
        cassandra = node.join();

        List<Integer> ports = freePorts(3 * nodeCount);
        List<String> members = IntStream.range(0, nodeCount).mapToObj(i -> "127.0.0.1:" + ports.get(3 * i + 2)).toList();
        // The first node creates the keyspace and the tables; the others start on a ready schema.
        nodes.add(NodeProcess.launch("node-1", classpath, settings(1, ports, members), workDir.resolve("node-1.log"),
                "448m").awaitRunning(NODE_START));
        for (int i = 2; i <= nodeCount; i++) {
            nodes.add(NodeProcess.launch("node-" + i, classpath, settings(i, ports, members),
                    workDir.resolve("node-" + i + ".log"), "448m"));
        }
        nodes.forEach(n -> n.awaitRunning(NODE_START));

        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        members.forEach(m -> config.getNetworkConfig().addAddress(m));
        client = HazelcastClient.newHazelcastClient(config);
    }

    /** The settings a node gets, every one a documented {@code collector.*} key. */
    private Map<String, String> settings(int index, List<Integer> ports, List<String> members) {
        Map<String, String> settings = new LinkedHashMap<>();
        Path nodeDir = workDir.resolve("node-" + index);
        settings.put("collector.data-dir", nodeDir.toString());
        settings.put("collector.outcomes.journal-file", nodeDir.resolve("outcomes.journal").toString());
        settings.put("collector.outcomes.contact-points", "127.0.0.1:" + cassandraSettings.cqlPort());
        settings.put("collector.outcomes.replication", "SimpleStrategy:1");
        settings.put("collector.http.host", "127.0.0.1");
        settings.put("collector.http.port", Integer.toString(ports.get(3 * (index - 1))));
        settings.put("collector.grpc.host", "127.0.0.1");
        settings.put("collector.grpc.port", Integer.toString(ports.get(3 * (index - 1) + 1)));
        settings.put("collector.grpc.clients", "crm-a:tenant-a:token-sha256=" + sha256(TENANT_A_TOKEN)
                + ",crm-b:tenant-b:token-sha256=" + sha256(TENANT_B_TOKEN));
        settings.put("collector.hazelcast.cluster-name", clusterName);
        settings.put("collector.hazelcast.host", "127.0.0.1");
        settings.put("collector.hazelcast.port", Integer.toString(ports.get(3 * (index - 1) + 2)));
        settings.put("collector.hazelcast.members", String.join(",", members));
        settings.put("collector.ami.host", "127.0.0.1");
        settings.put("collector.ami.port", Integer.toString(link.port()));
        settings.put("collector.ami.username", AMI_USER);
        settings.put("collector.ami.secret", AMI_SECRET);
        settings.put("collector.campaign.id", CAMPAIGN);
        settings.put("collector.campaign.channel", "Local/{number}@debtors");
        settings.put("collector.campaign.calling-window", "00:00-24:00");
        settings.put("collector.call-list.lease-ttl", Long.toString(leaseTtl.toSeconds()));
        settings.put("collector.agents", agents());
        settings.put("collector.agents.pins", GUARDED_AGENTS.stream()
                .map(id -> id + ":" + sha256(GUARDED_PIN)).collect(Collectors.joining(",")));
        settings.put("collector.agents.wrap-up", "1");
        settings.put("collector.demo.enabled", "false");
        settings.put("collector.follow-ups.enabled", "false");
        return settings;
    }

    private static String agents() {
        return Stream.concat(IntStream.rangeClosed(1, SIMULATED_AGENTS).mapToObj(DrillCluster::agentId),
                        GUARDED_AGENTS.stream())
                .map(id -> id + ":Drill " + id + ":Local/1" + id.substring(id.length() - 2) + "@agents")
                .collect(Collectors.joining(","));
    }

    public static String agentId(int i) {
        return String.format("agent-%02d", i);
    }

    /** The rules the nodes apply to the drill's campaign: open around the clock. */
    public static CampaignRules campaignRules() {
        return new CampaignRules(CAMPAIGN, ContactRules.strictest().withWindow(
                CallingWindow.everyDay(LocalTime.MIN, LocalTime.MAX)), Map.of());
    }

    public List<NodeProcess> nodes() {
        return List.copyOf(nodes);
    }

    public PbxSimulator pbx() {
        return pbx;
    }

    public AmiLink link() {
        return link;
    }

    public NodeSettings cassandraSettings() {
        return cassandraSettings;
    }

    public Path workDir() {
        return workDir;
    }

    /** Every case of the drill's campaign as the cluster holds it now. */
    public List<CaseEntry> cases() {
        com.hazelcast.map.IMap<String, CaseEntry> map = client.getMap(HazelcastCallList.CASES);
        return map.values().stream().filter(e -> e.aCase().campaignId().equals(CAMPAIGN)).toList();
    }

    public Map<CaseStatus, Long> casesByStatus() {
        Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        cases().forEach(e -> counts.merge(e.status(), 1L, Long::sum));
        return counts;
    }

    /** The Hazelcast member uuid (the lease holder name) of a node, while it is in the cluster. */
    public Optional<String> memberUuid(NodeProcess node) {
        return client.getCluster().getMembers().stream()
                .filter(m -> m.getAddress().getPort() == node.hazelcastPort())
                .map(Member::getUuid).map(Object::toString).findFirst();
    }

    public int clusterSize() {
        return client.getCluster().getMembers().size();
    }

    /** Stops the Cassandra node (the nodes keep running, their outcomes wait in their journals). */
    public Duration stopCassandra() {
        long begin = System.nanoTime();
        cassandra.close();
        cassandra = null;
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Starts it again on the same data. */
    public Duration startCassandra() {
        long begin = System.nanoTime();
        cassandra = LocalCassandraNode.startOrReuse(cassandraSettings);
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    @Override
    public void close() {
        if (client != null) {
            client.shutdown();
        }
        nodes.stream().filter(NodeProcess::isAlive).toList().forEach(n -> CompletableFuture.runAsync(n::close));
        for (NodeProcess node : nodes) {
            node.close();
        }
        if (link != null) {
            link.close();
        }
        if (pbx != null) {
            pbx.close();
        }
        if (cassandra != null) {
            cassandra.close();
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // released
                }
            }
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
