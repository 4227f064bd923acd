package dev.collector.outcomes.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where and how the local Cassandra node runs. The ports default to non-standard ones (CQL 19042,
 * storage 17000/17001, JMX 17199) so a developer's own Cassandra on 9042/7000/7199 is left alone.
 *
 * @param dataDir        everything the node writes: data, commit log, hints, generated config, log
 * @param heap           the node's fixed heap, as for {@code -Xmx} (e.g. {@code 512m})
 * @param startTimeout   from launch until CQL must answer
 * @param stopTimeout    after SIGTERM, how long the node may take to drain before it is killed
 * @param classpathFile  the file cassandra-node writes; empty means system property
 *                       {@code collector.cassandra.classpath}, else found by walking up from the
 *                       working directory
 * @param javaHome       the JDK to run the node with; empty means this JVM's {@code java.home}
 * @param extraJvmOptions added to the node's command line after ours, e.g.
 *                       {@code -XX:TieredStopAtLevel=1} for a test node that should start fast
 *                       rather than run fast
 */
public record NodeSettings(
        Path dataDir,
        int cqlPort,
        int storagePort,
        int sslStoragePort,
        int jmxPort,
        String heap,
        Duration startTimeout,
        Duration stopTimeout,
        Optional<Path> classpathFile,
        Optional<Path> javaHome,
        List<String> extraJvmOptions) {

    public static final int DEFAULT_CQL_PORT = 19042;
    public static final int DEFAULT_STORAGE_PORT = 17000;
    public static final int DEFAULT_SSL_STORAGE_PORT = 17001;
    public static final int DEFAULT_JMX_PORT = 17199;
    public static final String DEFAULT_HEAP = "512m";

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[mMgG]");

    public NodeSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(heap, "heap");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(classpathFile, "classpathFile");
        Objects.requireNonNull(javaHome, "javaHome");
        extraJvmOptions = List.copyOf(extraJvmOptions);
        dataDir = dataDir.toAbsolutePath().normalize();
        checkPort("cqlPort", cqlPort);
        checkPort("storagePort", storagePort);
        checkPort("sslStoragePort", sslStoragePort);
        checkPort("jmxPort", jmxPort);
        Set<Integer> distinct = new HashSet<>(List.of(cqlPort, storagePort, sslStoragePort, jmxPort));
        if (distinct.size() != 4) {
            throw new IllegalArgumentException("cqlPort, storagePort, sslStoragePort and jmxPort must differ, got "
                    + List.of(cqlPort, storagePort, sslStoragePort, jmxPort));
        }
        if (!HEAP.matcher(heap).matches()) {
            throw new IllegalArgumentException("heap must look like 512m or 1g, got '" + heap + "'");
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
        }
        if (stopTimeout.isNegative()) {
            throw new IllegalArgumentException("stopTimeout must not be negative, got " + stopTimeout);
        }
    }

    /** A node under {@code ./data/cassandra} on the default ports with a 512m heap. */
    public static NodeSettings defaults() {
        return new NodeSettings(Path.of("data", "cassandra"), DEFAULT_CQL_PORT, DEFAULT_STORAGE_PORT,
                DEFAULT_SSL_STORAGE_PORT, DEFAULT_JMX_PORT, DEFAULT_HEAP, Duration.ofSeconds(90),
                Duration.ofSeconds(30), Optional.empty(), Optional.empty(), List.of());
    }

    public NodeSettings withDataDir(Path dir) {
        return new NodeSettings(dir, cqlPort, storagePort, sslStoragePort, jmxPort, heap, startTimeout,
                stopTimeout, classpathFile, javaHome, extraJvmOptions);
    }

    public NodeSettings withPorts(int cql, int storage, int sslStorage, int jmx) {
        return new NodeSettings(dataDir, cql, storage, sslStorage, jmx, heap, startTimeout, stopTimeout,
                classpathFile, javaHome, extraJvmOptions);
    }

    public NodeSettings withHeap(String newHeap) {
        return new NodeSettings(dataDir, cqlPort, storagePort, sslStoragePort, jmxPort, newHeap, startTimeout,
                stopTimeout, classpathFile, javaHome, extraJvmOptions);
    }

    public NodeSettings withTimeouts(Duration start, Duration stop) {
        return new NodeSettings(dataDir, cqlPort, storagePort, sslStoragePort, jmxPort, heap, start, stop,
                classpathFile, javaHome, extraJvmOptions);
    }

    public NodeSettings withClasspathFile(Path file) {
        return new NodeSettings(dataDir, cqlPort, storagePort, sslStoragePort, jmxPort, heap, startTimeout,
                stopTimeout, Optional.of(file), javaHome, extraJvmOptions);
    }

    public NodeSettings withJavaHome(Path home) {
        return new NodeSettings(dataDir, cqlPort, storagePort, sslStoragePort, jmxPort, heap, startTimeout,
                stopTimeout, classpathFile, Optional.of(home), extraJvmOptions);
    }

    public NodeSettings withExtraJvmOptions(List<String> options) {
        return new NodeSettings(dataDir, cqlPort, storagePort, sslStoragePort, jmxPort, heap, startTimeout,
                stopTimeout, classpathFile, javaHome, options);
    }

    /** The node's stdout and stderr. */
    public Path logFile() {
        return dataDir.resolve("logs").resolve("node.log");
    }

    /** The launched node's PID, for a human who needs to stop an orphaned node. */
    public Path pidFile() {
        return dataDir.resolve("node.pid");
    }

    private static void checkPort(String field, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(field + " must be between 1 and 65535, got " + port);
        }
    }
}
