package dev.collector.outcomes;

import dev.collector.outcomes.node.NodeSettings;
import dev.collector.outcomes.schema.Replication;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the contact history lives. No contact points means "the local node": reuse the one
 * answering on {@code localNode.cqlPort()} or start one.
 *
 * @param replication used only when the keyspace is created; empty means SimpleStrategy 1 for the
 *                    local node and NetworkTopologyStrategy {localDatacenter: 3} for a cluster
 */
public record OutcomeStoreSettings(
        List<InetSocketAddress> contactPoints,
        String localDatacenter,
        String keyspace,
        Optional<Replication> replication,
        Duration requestTimeout,
        NodeSettings localNode) {

    public static final String CONTACT_POINTS = "collector.outcomes.contact-points";
    public static final String LOCAL_DATACENTER = "collector.outcomes.local-datacenter";
    public static final String KEYSPACE = "collector.outcomes.keyspace";
    public static final String REPLICATION = "collector.outcomes.replication";
    public static final String REQUEST_TIMEOUT = "collector.outcomes.request-timeout";
    public static final String NODE_DATA_DIR = "collector.cassandra.data-dir";
    public static final String NODE_CQL_PORT = "collector.cassandra.cql-port";
    public static final String NODE_STORAGE_PORT = "collector.cassandra.storage-port";
    public static final String NODE_SSL_STORAGE_PORT = "collector.cassandra.ssl-storage-port";
    public static final String NODE_JMX_PORT = "collector.cassandra.jmx-port";
    public static final String NODE_HEAP = "collector.cassandra.heap";
    public static final String NODE_START_TIMEOUT = "collector.cassandra.start-timeout";
    public static final String NODE_STOP_TIMEOUT = "collector.cassandra.stop-timeout";
    public static final String NODE_CLASSPATH = "collector.cassandra.classpath";
    public static final String NODE_JAVA_HOME = "collector.cassandra.java-home";
    public static final String NODE_JVM_OPTIONS = "collector.cassandra.jvm-options";

    private static final Set<String> KEYS = Set.of(CONTACT_POINTS, LOCAL_DATACENTER, KEYSPACE, REPLICATION,
            REQUEST_TIMEOUT, NODE_DATA_DIR, NODE_CQL_PORT, NODE_STORAGE_PORT, NODE_SSL_STORAGE_PORT, NODE_JMX_PORT,
            NODE_HEAP, NODE_START_TIMEOUT, NODE_STOP_TIMEOUT, NODE_CLASSPATH, NODE_JAVA_HOME, NODE_JVM_OPTIONS);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final int DEFAULT_CQL_PORT = 9042;

    public OutcomeStoreSettings {
        contactPoints = List.copyOf(contactPoints);
        Objects.requireNonNull(localDatacenter, "localDatacenter");
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(localNode, "localNode");
        if (localDatacenter.isBlank()) {
            throw new IllegalArgumentException("localDatacenter must not be blank");
        }
        if (!IDENTIFIER.matcher(keyspace).matches()) {
            throw new IllegalArgumentException("keyspace must be a letter then up to 47 letters, digits or _, got '"
                    + keyspace + "'");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
        }
    }

    /** The local node on its default ports, datacenter {@code datacenter1}, keyspace {@code collector}. */
    public static OutcomeStoreSettings defaults() {
        return new OutcomeStoreSettings(List.of(), "datacenter1", "collector", Optional.empty(),
                Duration.ofSeconds(5), NodeSettings.defaults());
    }

    /**
     * Settings from configuration keys ({@code collector.outcomes.*}, {@code collector.cassandra.*});
     * a missing key keeps its default, other keys are ignored.
     *
     * @throws IllegalArgumentException naming the key for a value that does not parse, or for an
     *                                  unknown key under those prefixes (a typo would otherwise pass silently)
     */
    public static OutcomeStoreSettings fromProperties(Map<String, String> properties) {
        for (String key : properties.keySet()) {
            if ((key.startsWith("collector.outcomes.") || key.startsWith("collector.cassandra."))
                    && !KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown configuration key " + key + "; known keys: "
                        + KEYS.stream().sorted().toList());
            }
        }
        Function<String, Optional<String>> value = key -> Optional.ofNullable(properties.get(key))
                .map(String::strip);
        OutcomeStoreSettings defaults = defaults();
        NodeSettings node = defaults.localNode();
        node = node.withDataDir(value.apply(NODE_DATA_DIR).map(Path::of).orElse(node.dataDir()))
                .withPorts(
                        value.apply(NODE_CQL_PORT).map(v -> parseInt(NODE_CQL_PORT, v)).orElse(node.cqlPort()),
                        value.apply(NODE_STORAGE_PORT).map(v -> parseInt(NODE_STORAGE_PORT, v))
                                .orElse(node.storagePort()),
                        value.apply(NODE_SSL_STORAGE_PORT).map(v -> parseInt(NODE_SSL_STORAGE_PORT, v))
                                .orElse(node.sslStoragePort()),
                        value.apply(NODE_JMX_PORT).map(v -> parseInt(NODE_JMX_PORT, v)).orElse(node.jmxPort()))
                .withHeap(value.apply(NODE_HEAP).orElse(node.heap()))
                .withTimeouts(
                        value.apply(NODE_START_TIMEOUT).map(v -> parseDuration(NODE_START_TIMEOUT, v))
                                .orElse(node.startTimeout()),
                        value.apply(NODE_STOP_TIMEOUT).map(v -> parseDuration(NODE_STOP_TIMEOUT, v))
                                .orElse(node.stopTimeout()));
        Optional<String> classpath = value.apply(NODE_CLASSPATH).filter(v -> !v.isEmpty());
        if (classpath.isPresent()) {
            node = node.withClasspathFile(Path.of(classpath.get()));
        }
        Optional<String> javaHome = value.apply(NODE_JAVA_HOME).filter(v -> !v.isEmpty());
        if (javaHome.isPresent()) {
            node = node.withJavaHome(Path.of(javaHome.get()));
        }
        Optional<String> jvmOptions = value.apply(NODE_JVM_OPTIONS).filter(v -> !v.isEmpty());
        if (jvmOptions.isPresent()) {
            node = node.withExtraJvmOptions(List.of(jvmOptions.get().split("\\s+")));
        }
        try {
            return new OutcomeStoreSettings(
                    value.apply(CONTACT_POINTS).map(OutcomeStoreSettings::parseContactPoints).orElse(List.of()),
                    value.apply(LOCAL_DATACENTER).orElse(defaults.localDatacenter()),
                    value.apply(KEYSPACE).orElse(defaults.keyspace()),
                    value.apply(REPLICATION).filter(v -> !v.isEmpty()).map(Replication::parse),
                    value.apply(REQUEST_TIMEOUT).map(v -> parseDuration(REQUEST_TIMEOUT, v))
                            .orElse(defaults.requestTimeout()),
                    node);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid outcome store configuration: " + e.getMessage(), e);
        }
    }

    public boolean usesLocalNode() {
        return contactPoints.isEmpty();
    }

    /** The replication a newly created keyspace gets. */
    public Replication effectiveReplication() {
        return replication.orElseGet(() -> usesLocalNode()
                ? new Replication.Simple(1)
                : new Replication.NetworkTopology(Map.of(localDatacenter, 3)));
    }

    public OutcomeStoreSettings withContactPoints(List<InetSocketAddress> points) {
        return new OutcomeStoreSettings(points, localDatacenter, keyspace, replication, requestTimeout, localNode);
    }

    public OutcomeStoreSettings withLocalDatacenter(String dc) {
        return new OutcomeStoreSettings(contactPoints, dc, keyspace, replication, requestTimeout, localNode);
    }

    public OutcomeStoreSettings withKeyspace(String name) {
        return new OutcomeStoreSettings(contactPoints, localDatacenter, name, replication, requestTimeout, localNode);
    }

    public OutcomeStoreSettings withReplication(Replication r) {
        return new OutcomeStoreSettings(contactPoints, localDatacenter, keyspace, Optional.of(r), requestTimeout,
                localNode);
    }

    public OutcomeStoreSettings withRequestTimeout(Duration timeout) {
        return new OutcomeStoreSettings(contactPoints, localDatacenter, keyspace, replication, timeout, localNode);
    }

    public OutcomeStoreSettings withLocalNode(NodeSettings node) {
        return new OutcomeStoreSettings(contactPoints, localDatacenter, keyspace, replication, requestTimeout, node);
    }

    /** {@code host:port,host} (port 9042 when left out); IPv6 as {@code [::1]:9042}. Resolved now. */
    static List<InetSocketAddress> parseContactPoints(String text) {
        List<InetSocketAddress> points = new ArrayList<>();
        for (String entry : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            String host = entry;
            String port = null;
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                host = entry.substring(1, close < 0 ? entry.length() : close);
                if (close >= 0 && entry.startsWith(":", close + 1)) {
                    port = entry.substring(close + 2);
                }
            } else if (entry.indexOf(':') > 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
                host = entry.substring(0, entry.indexOf(':'));
                port = entry.substring(entry.indexOf(':') + 1);
            }
            InetSocketAddress point = new InetSocketAddress(host,
                    port == null ? DEFAULT_CQL_PORT : parseInt(CONTACT_POINTS, port));
            if (point.isUnresolved()) {
                throw new IllegalArgumentException(CONTACT_POINTS + " names host '" + host + "', which does not resolve");
            }
            points.add(point);
        }
        return List.copyOf(points);
    }

    private static int parseInt(String key, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + text + "'", e);
        }
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT5S}). */
    static Duration parseDuration(String key, String text) {
        Matcher m = SHORT_DURATION.matcher(text.strip());
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be a duration like 500ms, 5s, 2m or PT5S, got '" + text
                    + "'", e);
        }
    }
}
