package dev.collector.outcomes.node;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    /** From Cassandra's conf/jvm17-server.options: without them the node does not start on JDK 17. */
    private static final List<String> JPMS_FLAGS = List.of(
            "-Djdk.attach.allowAttachSelf=true",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED");

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
        Path java = javaExecutable(settings);
        Path classpathFile = locateClasspathFile(settings);
        Path confTemplates = classpathFile.resolveSibling("node-conf");
        String classpath = readClasspath(classpathFile);
        checkPortsFree(settings);

        Path dataDir = settings.dataDir();
        Path conf = dataDir.resolve("conf");
        Path triggers = dataDir.resolve("triggers");
        Path yaml = conf.resolve("cassandra.yaml");
        Path logback = conf.resolve("logback.xml");
        Path logFile = settings.logFile();
        long logOffset;
        try {
            Files.createDirectories(conf);
            Files.createDirectories(triggers);
            Files.createDirectories(logFile.getParent());
            Files.writeString(yaml, render(readTemplate(confTemplates.resolve("cassandra.yaml")), Map.of(
                    "data_dir", dataDir.toString().replace("'", "''"),
                    "cql_port", Integer.toString(settings.cqlPort()),
                    "storage_port", Integer.toString(settings.storagePort()),
                    "ssl_storage_port", Integer.toString(settings.sslStoragePort()))));
            Files.writeString(logback, readTemplate(confTemplates.resolve("logback.xml")));
            logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            throw new NodeStartException("Cannot prepare the Cassandra data folder " + dataDir + ": " + e, e);
        }

        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Xms" + settings.heap());
        command.add("-Xmx" + settings.heap());
        command.add("-XX:+UseG1GC");
        command.add("-XX:+HeapDumpOnOutOfMemoryError");
        command.add("-XX:HeapDumpPath=" + dataDir);
        jammAgent(classpath).ifPresent(jar -> command.add("-javaagent:" + jar));
        command.add("-Dcassandra.config=" + yaml.toUri());
        // without it the daemon closes stdout/stderr mid-start and never opens CQL
        command.add("-Dcassandra-foreground=yes");
        command.add("-Dcassandra.storagedir=" + dataDir);
        command.add("-Dcassandra.triggers_dir=" + triggers);
        command.add("-Dcassandra.jmx.local.port=" + settings.jmxPort());
        command.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        // a cluster of one has nobody to announce its shutdown to: saves 2 s per stop
        command.add("-Dcassandra.shutdown_announce_in_ms=0");
        command.add("-Dlogback.configurationFile=" + logback.toUri());
        command.add("-Dio.netty.tryReflectionSetAccessible=true");
        command.addAll(JPMS_FLAGS);
        command.addAll(settings.extraJvmOptions());
        command.add("-cp");
        command.add(classpath);
        command.add(MAIN_CLASS);

        Process process;
        try {
            Files.writeString(logFile, "=== " + Instant.now() + " launching Cassandra: "
                            + String.join(" ", command.subList(0, command.size() - 3)) + " -cp <" + classpathFile
                            + "> " + MAIN_CLASS + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
        } catch (IOException e) {
            throw new NodeStartException("Cannot launch " + java + " for the Cassandra node: " + e, e);
        }
        log.info("Launched a Cassandra node (pid {}, heap {}, CQL port {}, data {}, log {})", process.pid(),
                settings.heap(), settings.cqlPort(), dataDir, logFile);

        // an application that exits without close() must not leave a node behind
        Thread hook = new Thread(() -> terminate(process, settings), "cassandra-node-stop");
        Runtime.getRuntime().addShutdownHook(hook);

        String version;
        try {
            writePid(settings.pidFile(), process.pid());
            version = awaitCql(settings, cql, process, begin, logOffset);
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
        Optional<Path> explicit = settings.classpathFile()
                .or(() -> Optional.ofNullable(System.getProperty(CLASSPATH_PROPERTY))
                        .filter(p -> !p.isBlank())
                        .map(Path::of));
        if (explicit.isPresent()) {
            Path file = explicit.get().toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new NodeStartException("The Cassandra classpath file " + file + " (from " + CLASSPATH_PROPERTY
                        + " or the node settings) does not exist. Build it from the project root with `"
                        + BUILD_COMMAND + "`.");
            }
            return file;
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(CLASSPATH_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new NodeStartException("No Cassandra classpath file: looked for " + CLASSPATH_FILE + " in " + cwd
                + " and its parents. Build it from the project root with `" + BUILD_COMMAND
                + "`, or point -D" + CLASSPATH_PROPERTY + " at it.");
    }

    private static Path javaExecutable(NodeSettings settings) {
        Path home = settings.javaHome().orElseGet(() -> {
            int feature = Runtime.version().feature();
            // Cassandra 5.0 installs a security manager, which JDK 24+ refuse
            if (feature >= 24) {
                throw new NodeStartException("Cassandra 5.0 runs on JDK 11 or 17, but this JVM is JDK " + feature
                        + ". Give the node a JDK 17 with NodeSettings.withJavaHome(..) "
                        + "(config key collector.cassandra.java-home).");
            }
            return Path.of(System.getProperty("java.home"));
        });
        Path java = home.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            throw new NodeStartException("No java executable at " + java);
        }
        return java;
    }

    private static String readClasspath(Path classpathFile) {
        try {
            String classpath = Files.readString(classpathFile).trim();
            if (classpath.isEmpty()) {
                throw new NodeStartException("The Cassandra classpath file " + classpathFile + " is empty. Rebuild it "
                        + "from the project root with `" + BUILD_COMMAND + "`.");
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readTemplate(Path template) throws IOException {
        if (!Files.isRegularFile(template)) {
            throw new NodeStartException("Missing Cassandra config template " + template + ". Rebuild it from the "
                    + "project root with `" + BUILD_COMMAND + "`.");
        }
        return Files.readString(template);
    }

    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new NodeStartException("The Cassandra config template uses {{" + m.group(1)
                        + "}}, which the launcher does not know");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Optional<String> jammAgent(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> {
                    String name = Path.of(entry).getFileName().toString();
                    return name.startsWith("jamm-") && name.endsWith(".jar");
                })
                .findFirst();
    }

    /** A node with a busy storage or JMX port would die after seconds with a bind error deep in its log. */
    private static void checkPortsFree(NodeSettings settings) {
        for (Map.Entry<String, Integer> port : List.of(
                Map.entry("storage", settings.storagePort()),
                Map.entry("ssl storage", settings.sslStoragePort()),
                Map.entry("JMX", settings.jmxPort()))) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port.getValue()));
            } catch (IOException e) {
                throw new NodeStartException("Cannot start a Cassandra node: its " + port.getKey() + " port "
                        + port.getValue() + " is in use (another Cassandra node?) while nothing answers CQL on "
                        + settings.cqlPort() + ". Stop that process or choose other ports.");
            }
        }
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
