package dev.collector.bench;

import com.google.type.Date;
import com.google.type.Money;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.casequeue.campaigns.HazelcastCampaigns;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.crmbridge.CrmBridgeServer;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.crmbridge.feed.HazelcastCrmFeed;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.outcomes.OutcomeStoreSettings;
import dev.collector.protos.v1.Campaign;
import dev.collector.protos.v1.CampaignServiceGrpc;
import dev.collector.protos.v1.Case;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.Claim;
import dev.collector.protos.v1.CreateCampaignRequest;
import dev.collector.protos.v1.Debtor;
import dev.collector.protos.v1.DialMode;
import dev.collector.protos.v1.LoadCasesRequest;
import dev.collector.protos.v1.LoadCasesResponse;
import dev.collector.statestore.DurableMaps;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bulk ingest of a call list through the CRM bridge: a gRPC client streams {@code LoadCases}
 * batches over loopback into a node's call list (Hazelcast member, campaign queue), and the
 * figures are cases per second end to end (first batch sent to last acknowledgement) and the
 * JVM's peak heap.
 *
 * <p>Client and server share this JVM (the client holds only the batches in flight, a few MB),
 * so the peak heap is the server's plus that. Two set-ups: {@code -DbulkLoad.durable=false}, the
 * call list in memory only; {@code true} (the default), as the app runs it: a local Cassandra
 * node started by this benchmark and the case map written through to it.
 *
 * <p>{@code mvn -B -q -pl bench exec:exec@bulk-load} (after {@code mvn -B -q install -DskipTests});
 * options through {@code -DbulkLoad.jvmArgs="-DbulkLoad.cases=1000000 -DbulkLoad.batch=1000
 * -DbulkLoad.inFlight=8 -DbulkLoad.durable=false"}.
 */
public final class BulkLoadBenchmark {

    private static final String CAMPAIGN = BulkLoadClient.CAMPAIGN;

    private BulkLoadBenchmark() {
    }

    /**
     * @param separateClient whether the client runs in its own JVM with batches encoded before the
     *                       clock starts ({@code -DbulkLoad.client=separate}, the default), or in
     *                       this one building each case as it sends ({@code inline})
     */
    record Settings(int cases, int batch, int inFlight, boolean durable, boolean separateClient, int warmUp) {
        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("bulkLoad.cases", 1_000_000),
                    Integer.getInteger("bulkLoad.batch", 1000), Integer.getInteger("bulkLoad.inFlight", 8),
                    Boolean.parseBoolean(System.getProperty("bulkLoad.durable", "true")),
                    !"inline".equals(System.getProperty("bulkLoad.client", "separate")),
                    Integer.getInteger("bulkLoad.warmUp", 0));
        }

        Settings withCases(int count) {
            return new Settings(count, batch, inFlight, durable, separateClient, 0);
        }

        List<String> asSystemProperties() {
            return List.of("-DbulkLoad.cases=" + cases, "-DbulkLoad.batch=" + batch, "-DbulkLoad.inFlight=" + inFlight);
        }
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args.length > 0 ? args[0] : "bench");
        Settings settings = Settings.fromSystemProperties();
        Runtime runtime = Runtime.getRuntime();
        String machine = String.format(Locale.ROOT, "%d cores, %s %s, max heap %d MB, %s %s",
                runtime.availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), runtime.maxMemory() >> 20,
                System.getProperty("os.name"), System.getProperty("os.arch"));
        // the collector's flags change the figure: the report names them
        List<String> gcFlags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:") || a.startsWith("-Xm")).toList();
        machine += ", server JVM flags " + (gcFlags.isEmpty() ? "(none)" : String.join(" ", gcFlags));
        System.out.println("Machine: " + machine);
        System.out.println("Settings: " + settings);

        List<AutoCloseable> started = new ArrayList<>();
        try {
            Config config = HazelcastMember.config(new HazelcastSettings("bulk-load-" + ProcessHandle.current().pid(),
                    "127.0.0.1", 5991, List.of()));
            CompletableFuture<OutcomeStore> store = null;
            if (settings.durable()) {
                Path dataDir = Files.createTempDirectory(base.toAbsolutePath().resolve("target"), "bulk-load-cassandra");
                OutcomeStoreSettings storeSettings = OutcomeStoreSettings.fromProperties(Map.of(
                        OutcomeStoreSettings.NODE_DATA_DIR, dataDir.toString(),
                        OutcomeStoreSettings.NODE_CQL_PORT, "19242",
                        OutcomeStoreSettings.NODE_STORAGE_PORT, "17200",
                        OutcomeStoreSettings.NODE_SSL_STORAGE_PORT, "17201",
                        OutcomeStoreSettings.NODE_JMX_PORT, "17299"));
                long begin = System.nanoTime();
                store = CompletableFuture.supplyAsync(() -> OutcomeStore.open(storeSettings));
                DurableMaps.persist(config, store.thenApply(OutcomeStore::session), storeSettings.keyspace(),
                        HazelcastCallList.CASES, HazelcastCallList.CONTACT_RECORDS, HazelcastCallList.DO_NOT_CALL,
                        HazelcastCallList.CAMPAIGN_RULES, HazelcastCampaigns.CAMPAIGNS);
                started.add(0, store.join());
                System.out.printf(Locale.ROOT, "Cassandra node up in %.1f s (%s)%n", (System.nanoTime() - begin) / 1e9,
                        dataDir);
            }
            HazelcastInstance hazelcast = HazelcastMember.start(config);
            started.add(0, hazelcast::shutdown);
            ExecutorService worker = Executors.newFixedThreadPool(4);
            started.add(0, worker::shutdownNow);
            HazelcastCallList callList = new HazelcastCallList(hazelcast, worker, CaseQueueSettings.defaults(),
                    new InMemoryComplianceAudit(), Clock.systemUTC());
            CrmBridgeServer server = CrmBridgeServer.start(CrmBridgeSettings.loopback(), callList, callList,
                    new HazelcastCrmFeed(hazelcast, 1000), hazelcast, Clock.systemUTC());
            started.add(0, server);
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
            started.add(0, () -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
            CampaignServiceGrpc.newBlockingStub(channel).createCampaign(CreateCampaignRequest.newBuilder()
                    .setCampaign(Campaign.newBuilder().setCampaignId(CAMPAIGN).setDialMode(DialMode.DIAL_MODE_PREDICTIVE))
                    .build());

            if (settings.warmUp() > 0) {
                warmUp(hazelcast, channel, server.port(), settings);
            }
            // -DbulkLoad.profile=<file.jfr>: a flight recording of the measured load only
            String profile = System.getProperty("bulkLoad.profile", "");
            jdk.jfr.Recording recording = profile.isEmpty() ? null
                    : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            if (recording != null) {
                recording.setDestination(Path.of(profile));
                recording.start();
            }
            HeapWatch heap = new HeapWatch();
            heap.start();
            long cpuBefore = processCpuNanos();
            BulkLoadClient.Result result = settings.separateClient() ? loadFromSeparateClient(server.port(), settings)
                    : BulkLoadClient.loadInline(channel, settings);
            double cpuMicrosPerCase = (processCpuNanos() - cpuBefore) / 1e3 / Math.max(1, result.accepted());
            heap.stop();
            if (recording != null) {
                recording.stop();
                recording.close();
            }
            int waiting = callList.waiting(CAMPAIGN).toCompletableFuture().get();
            System.gc();
            long retainedMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;

            String report = String.format(Locale.ROOT, """
                    ## Bulk load: %,d cases over gRPC LoadCases (%s)

                    Machine: %s
                    Batches of %d, %d in flight; %s; %s; %s.

                    | figure | value |
                    |---|---|
                    | cases acknowledged | %,d (rejected %,d) |
                    | wall time | %.1f s |
                    | **cases per second** | **%,.0f** |
                    | CPU per case (%s) | %.1f µs |
                    | batch acknowledgement p50 / p99 / max | %.0f / %.0f / %.0f ms |
                    | peak heap (sampled every 50 ms) | %,d MB |
                    | heap retained after load (after GC) | %,d MB |
                    | waiting in the campaign queue | %,d |
                    """, settings.cases(), settings.durable() ? "durable: case map written through to Cassandra"
                            : "in memory", machine, settings.batch(), settings.inFlight(),
                    settings.separateClient() ? "client in its own JVM, batches encoded before the clock starts"
                            : "client in the server's JVM, building each case as it sends",
                    settings.durable() ? "local Cassandra node (512 MB heap) in its own JVM" : "no Cassandra",
                    settings.warmUp() > 0 ? String.format(Locale.ROOT, "server warmed by an unmeasured load of %,d cases,"
                            + " then emptied", settings.warmUp()) : "cold server (first load after start)",
                    result.accepted(), result.rejected(), result.seconds(), result.accepted() / result.seconds(),
                    settings.separateClient() ? "server JVM, GC included" : "this JVM: client, server, GC", cpuMicrosPerCase,
                    result.p50(), result.p99(), result.max(), heap.peakMb(), retainedMb, waiting);
            System.out.println(report);
            Path out = base.resolve("results");
            Files.createDirectories(out);
            Path file = out.resolve((settings.durable() ? "bulk-load-durable" : "bulk-load-memory")
                    + (settings.warmUp() > 0 ? "-warm.md" : ".md"));
            Files.writeString(file, report);
            System.out.println("Wrote " + file);
        } finally {
            for (AutoCloseable closeable : started) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.err.println("closing: " + e);
                }
            }
        }
        System.exit(0);
    }

    /**
     * A server that has been running is how a nightly feed meets it: the load paths compiled, not
     * interpreted. A first, unmeasured load of the same cases warms the server's JIT; the grid is
     * then emptied (cases and the campaign's queue), so the measured load starts from the same
     * empty call list as a cold one.
     */
    static void warmUp(HazelcastInstance hazelcast, ManagedChannel channel, int port, Settings settings)
            throws Exception {
        long begin = System.nanoTime();
        Settings warm = settings.withCases(settings.warmUp());
        BulkLoadClient.Result result = settings.separateClient() ? loadFromSeparateClient(port, warm)
                : BulkLoadClient.loadInline(channel, warm);
        hazelcast.getMap(HazelcastCallList.CASES).clear();
        hazelcast.getQueue("campaign-queue." + CAMPAIGN).clear();
        System.gc();
        System.out.printf(Locale.ROOT, "Warm-up: %,d cases loaded (%,.0f/s) and removed in %.1f s%n", result.accepted(),
                result.accepted() / result.seconds(), (System.nanoTime() - begin) / 1e9);
    }

    /** Runs {@link BulkLoadClient} as its own process on this machine and reads its result. */
    static BulkLoadClient.Result loadFromSeparateClient(int port, Settings settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g", "-XX:+UseG1GC"));
        command.addAll(settings.asSystemProperties());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BulkLoadClient.class.getName(),
                String.valueOf(port)));
        Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
        BulkLoadClient.Result result = null;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(BulkLoadClient.RESULT_PREFIX)) {
                    result = BulkLoadClient.Result.fromLine(line);
                } else {
                    System.out.println(line);
                }
            }
        }
        if (client.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the bulk-load client failed, exit " + client.exitValue());
        }
        return result;
    }

    /** CPU time of this JVM so far, all threads (the GC's too): a figure that other load on the machine does not change. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Samples the used heap; the peak between start and stop. */
    static final class HeapWatch {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
        }

        long peakMb() {
            return peak.get() >> 20;
        }
    }
}
