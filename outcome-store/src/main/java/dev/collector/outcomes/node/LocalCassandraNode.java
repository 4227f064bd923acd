package dev.collector.outcomes.node;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single Cassandra node on 127.0.0.1 for development, tests and the demo, run as a separate JVM
 * from the jars the {@code cassandra-node} module resolves (never on this JVM's classpath: its
 * netty, guava and logback clash with ours). If a node already answers CQL on the configured port
 * it is reused and left running on {@link #close()}; a node this class launched is stopped on
 * {@code close()} or, failing that, by a shutdown hook.
 */
public final class LocalCassandraNode implements AutoCloseable {

    /** System property naming the classpath file that cassandra-node writes. */
    public static final String CLASSPATH_PROPERTY = "collector.cassandra.classpath";
    /** The classpath file's place relative to the project root. */
    public static final String CLASSPATH_FILE = "cassandra-node/target/cassandra.classpath";
    /** How to build the classpath file and the config templates next to it. */
    public static final String BUILD_COMMAND = "mvn -B -q install -pl cassandra-node";

    private static final Logger log = LoggerFactory.getLogger(LocalCassandraNode.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    /** Whether this node was launched here or was already running. */
    public enum Origin { STARTED, REUSED }

    private final NodeSettings settings;
    private final Origin origin;
    private final InetSocketAddress cqlAddress;
    private final String releaseVersion;
    private final Duration readyAfter;
    private final Process process;
    private final Thread shutdownHook;
    private boolean stopped;

    private LocalCassandraNode(NodeSettings settings, Origin origin, InetSocketAddress cqlAddress,
            String releaseVersion, Duration readyAfter, Process process, Thread shutdownHook) {
        this.settings = settings;
        this.origin = origin;
        this.cqlAddress = cqlAddress;
        this.releaseVersion = releaseVersion;
        this.readyAfter = readyAfter;
        this.process = process;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Reuses the node answering CQL on {@code settings.cqlPort()}, or launches one and waits until it
     * answers {@code SELECT release_version FROM system.local}. Blocks for the node's start (seconds):
     * call it at startup, never on an event loop.
     *
     * @throws NodeStartException with what went wrong and where the node's log is
     */
    public static LocalCassandraNode startOrReuse(NodeSettings settings) {
        long begin = System.nanoTime();
        InetSocketAddress cql = new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.cqlPort());
        if (CqlProbe.acceptsConnections(cql)) {
            CqlProbe.Answer answer = CqlProbe.releaseVersion(cql, PROBE_TIMEOUT);
            if (!answer.answered()) {
                throw new NodeStartException("Port " + settings.cqlPort() + " accepts connections but does not "
                        + "answer CQL (" + answer.failure() + "). Stop whatever listens there or choose another "
                        + "CQL port.");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            log.info("Reusing the Cassandra {} node already answering on {} (checked in {} ms); it stays "
                    + "running when we stop", answer.releaseVersion(), cql, took.toMillis());
            return new LocalCassandraNode(settings, Origin.REUSED, cql, answer.releaseVersion(), took, null, null);
        }
        return launch(settings, cql, begin);
    }

    public Origin origin() {
        return origin;
    }

    public NodeSettings settings() {
        return settings;
    }

    /** Where to point the driver. */
    public InetSocketAddress cqlAddress() {
        return cqlAddress;
    }

    public String releaseVersion() {
        return releaseVersion;
    }

    /** From launch (or from the first probe, when reused) until CQL answered. */
    public Duration readyAfter() {
        return readyAfter;
    }

    /** The node's PID when this class launched it. */
    public Optional<Long> pid() {
        return process == null ? Optional.empty() : Optional.of(process.pid());
    }

    /** Stops the node if this class launched it (SIGTERM, then SIGKILL after the stop timeout). */
    @Override
    public void close() {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run; stop() is idempotent
            }
        }
    }

    private synchronized void stop() {
        if (process == null || stopped) {
            return;
        }
        stopped = true;
        long begin = System.nanoTime();
        log.info("Stopping the Cassandra node (pid {})", process.pid());
        if (!terminate(process, settings)) {
            log.warn("The Cassandra node (pid {}) did not stop within {}; it was killed", process.pid(),
                    settings.stopTimeout());
        }
        log.info("Cassandra node (pid {}) stopped in {} ms", process.pid(),
                Duration.ofNanos(System.nanoTime() - begin).toMillis());
    }

    /** SIGTERM (the node drains: flushes memtables), then SIGKILL after the stop timeout. */
    private static boolean terminate(Process process, NodeSettings settings) {
        boolean graceful = true;
        process.destroy();
        try {
            if (!process.waitFor(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                graceful = false;
                process.destroyForcibly();
                process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            graceful = false;
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(settings.pidFile());
        return graceful;
    }

    private static LocalCassandraNode launch(NodeSettings settings, InetSocketAddress cql, long begin) {
        NodeLaunchPlan plan = NodeLaunchPlan.prepare(settings);
        Path dataDir = settings.dataDir();
        Path logFile = settings.logFile();

        Process process;
        try {
            Files.writeString(logFile, "=== " + Instant.now() + " launching Cassandra: " + plan.describe()
                            + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(plan.command())
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
        } catch (IOException e) {
            throw new NodeStartException("Cannot launch " + plan.java() + " for the Cassandra node: " + e, e);
        }
        log.info("Launched a Cassandra node (pid {}, heap {}, CQL port {}, data {}, log {})", process.pid(),
                settings.heap(), settings.cqlPort(), dataDir, logFile);

        // an application that exits without close() must not leave a node behind
        Thread hook = new Thread(() -> terminate(process, settings), "cassandra-node-stop");
        Runtime.getRuntime().addShutdownHook(hook);

        String version;
        try {
            writePid(settings.pidFile(), process.pid());
            version = awaitCql(settings, cql, process, begin, plan.logOffset());
        } catch (RuntimeException e) {
            process.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(hook);
            deleteQuietly(settings.pidFile());
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        log.info("Cassandra {} node (pid {}) answered CQL on {} after {} ms", version, process.pid(), cql,
                took.toMillis());
        return new LocalCassandraNode(settings, Origin.STARTED, cql, version, took, process, hook);
    }

    private static String awaitCql(NodeSettings settings, InetSocketAddress cql, Process process, long begin,
            long logOffset) {
        long deadline = begin + settings.startTimeout().toNanos();
        long portOpenedAt = 0;
        String lastFailure = "the CQL port never opened";
        while (true) {
            if (!process.isAlive()) {
                throw new NodeStartException("The Cassandra node exited with code " + process.exitValue()
                        + " while starting. Its log: " + settings.logFile() + logTail(settings.logFile(), logOffset));
            }
            if (System.nanoTime() > deadline) {
                throw new NodeStartException("The Cassandra node did not answer CQL on " + cql + " within "
                        + settings.startTimeout() + " (" + lastFailure + "); it was killed. Its log: "
                        + settings.logFile() + logTail(settings.logFile(), logOffset));
            }
            if (CqlProbe.acceptsConnections(cql)) {
                if (portOpenedAt == 0) {
                    portOpenedAt = System.nanoTime();
                }
                CqlProbe.Answer answer = CqlProbe.releaseVersion(cql, PROBE_TIMEOUT);
                if (answer.answered()) {
                    log.debug("CQL port open after {} ms, answering {} ms later",
                            Duration.ofNanos(portOpenedAt - begin).toMillis(),
                            Duration.ofNanos(System.nanoTime() - portOpenedAt).toMillis());
                    return answer.releaseVersion();
                }
                lastFailure = answer.failure();
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /**
     * The file cassandra-node writes: from the settings, else system property
     * {@value #CLASSPATH_PROPERTY}, else {@value #CLASSPATH_FILE} in the working directory or one of
     * its parents.
     */
    public static Path locateClasspathFile(NodeSettings settings) {
        return NodeLaunchPlan.locateClasspathFile(settings);
    }

    private static String logTail(Path logFile, long fromOffset) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(fromOffset, file.length() - 8192);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            List<String> last = lines.subList(Math.max(0, lines.size() - 20), lines.size());
            return last.isEmpty() ? "" : System.lineSeparator() + "--- last lines ---" + System.lineSeparator()
                    + String.join(System.lineSeparator(), last);
        } catch (IOException e) {
            return "";
        }
    }

    private static void writePid(Path pidFile, long pid) {
        try {
            Files.writeString(pidFile, pid + System.lineSeparator());
        } catch (IOException e) {
            throw new NodeStartException("Cannot write " + pidFile + ": " + e, e);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Could not delete {}", file, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeStartException("Interrupted while waiting for the Cassandra node", e);
        }
    }
}
