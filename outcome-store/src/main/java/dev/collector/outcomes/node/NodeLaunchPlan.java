package dev.collector.outcomes.node;

import static dev.collector.outcomes.node.LocalCassandraNode.BUILD_COMMAND;
import static dev.collector.outcomes.node.LocalCassandraNode.CLASSPATH_FILE;
import static dev.collector.outcomes.node.LocalCassandraNode.CLASSPATH_PROPERTY;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of a local Cassandra node and the files it needs: the config rendered from the
 * templates cassandra-node builds into {@code <dataDir>/conf}, and the triggers folder.
 *
 * @param java          the java executable the node runs on
 * @param command       the whole command, java executable first and main class last
 * @param classpathFile the file the classpath was read from
 * @param logOffset     the node's log file size before this launch, so errors quote only this launch's lines
 */
record NodeLaunchPlan(Path java, List<String> command, Path classpathFile, long logOffset) {

    static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";
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

    NodeLaunchPlan {
        command = List.copyOf(command);
    }

    /**
     * Finds the java executable and the classpath, checks the node's other ports are free, writes its
     * config into {@code <dataDir>/conf} and builds its command line.
     *
     * @throws NodeStartException with what is missing or busy
     */
    static NodeLaunchPlan prepare(NodeSettings settings) {
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
        return new NodeLaunchPlan(java, command, classpathFile, logOffset);
    }

    /** The command for the node's log: the classpath (thousands of characters) as the file it came from. */
    String describe() {
        return String.join(" ", command.subList(0, command.size() - 3)) + " -cp <" + classpathFile + "> "
                + MAIN_CLASS;
    }

    /** See {@link LocalCassandraNode#locateClasspathFile(NodeSettings)}. */
    static Path locateClasspathFile(NodeSettings settings) {
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
}
