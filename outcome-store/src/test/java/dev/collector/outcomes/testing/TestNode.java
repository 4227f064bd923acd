package dev.collector.outcomes.testing;

import dev.collector.outcomes.node.LocalCassandraNode;
import dev.collector.outcomes.node.NodeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real Cassandra node per test JVM, on free ports with its data under
 * {@code target/cassandra-it}, so it never meets a demo node on the default ports. Started before
 * the first test class that uses it, stopped when the test run ends. Test methods and lifecycle
 * methods may ask for the {@link LocalCassandraNode} or its {@link NodeSettings}, or for the
 * {@link Outage} to stop the node and start it again on the same data and ports (a test of what
 * happens while Cassandra is away; other test classes of the run find it running again).
 */
public final class TestNode implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestNode.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalCassandraNode.class || type == NodeSettings.class || type == Outage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Outage.class) {
            return running.outage;
        }
        LocalCassandraNode node = running.outage.node();
        return type == NodeSettings.class ? node.settings() : node;
    }

    /** Stops and restarts the shared node; the restarted node is the one stopped at the end of the run. */
    public static final class Outage {

        private LocalCassandraNode node;

        private Outage(LocalCassandraNode node) {
            this.node = node;
        }

        synchronized LocalCassandraNode node() {
            return node;
        }

        /** Stops the node (SIGTERM; its commit log keeps what was written). */
        public synchronized void stopNode() {
            node.close();
        }

        /** Starts the node again on the same data directory and ports; blocks until CQL answers. */
        public synchronized void startNode() {
            node = LocalCassandraNode.startOrReuse(node.settings());
        }
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    /** Closed by JUnit when the root context closes, i.e. after the last test of the run. */
    private static final class Running implements AutoCloseable {

        private final Outage outage;

        private Running(LocalCassandraNode node) {
            this.outage = new Outage(node);
        }

        static Running start() {
            Path dataDir = Path.of("target", "cassandra-it").toAbsolutePath();
            deleteRecursively(dataDir);
            List<Integer> ports = freePorts(4);
            NodeSettings settings = NodeSettings.defaults()
                    .withDataDir(dataDir)
                    .withPorts(ports.get(0), ports.get(1), ports.get(2), ports.get(3))
                    .withHeap("512m")
                    .withTimeouts(Duration.ofSeconds(90), Duration.ofSeconds(20))
                    // C1 only: the node starts sooner and the tests write too little to miss C2
                    .withExtraJvmOptions(List.of("-XX:TieredStopAtLevel=1"));
            LocalCassandraNode node = LocalCassandraNode.startOrReuse(settings);
            System.out.printf("Cassandra %s node %s on CQL port %d: ready after %d ms (pid %s)%n",
                    node.releaseVersion(), node.origin(), settings.cqlPort(), node.readyAfter().toMillis(),
                    node.pid().map(String::valueOf).orElse("-"));
            return new Running(node);
        }

        @Override
        public void close() {
            long begin = System.nanoTime();
            outage.node().close();
            System.out.printf("Cassandra node stopped in %d ms%n", Duration.ofNanos(System.nanoTime() - begin).toMillis());
        }
    }

    /** Ports free now; held together while choosing so the four differ. */
    public static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                sockets.add(socket);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is released either way
                }
            }
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
