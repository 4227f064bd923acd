package dev.collector.faultdrill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Collector node in a JVM of its own, started the way {@code bin/collector-cluster} starts it:
 * {@code CollectorMain} from the app's runtime classpath, configured by {@code -Dcollector.*}
 * settings. Killing it is a real {@code kill -9}: no shutdown hook runs, no socket says goodbye.
 */
public final class NodeProcess implements AutoCloseable {

    /** The node's entry point, the one docker/Dockerfile and bin/collector-cluster start too. */
    public static final String MAIN_CLASS = "dev.collector.app.CollectorMain";
    /** The JVM flags every node runs with (Hazelcast's module opens, the common pool it calls back on). */
    public static final List<String> JVM_FLAGS = List.of(
            "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4", "-XX:MaxTenuringThreshold=0",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED");

    /** What {@code StartupReport} prints once every part of the node is up. */
    private static final String RUNNING = "Collector is running";
    /** A start that failed leaves the JVM up on non-daemon threads; its main thread's death says so. */
    private static final String MAIN_DIED = "Exception in thread \"main\"";

    private final String name;
    private final Process process;
    private final Path log;
    private final int httpPort;
    private final int grpcPort;
    private final int hazelcastPort;

    private NodeProcess(String name, Process process, Path log, int httpPort, int grpcPort, int hazelcastPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
        this.hazelcastPort = hazelcastPort;
    }

    /**
     * @param settings {@code collector.*} keys and values; must name the HTTP, gRPC and Hazelcast ports
     */
    public static NodeProcess launch(String name, String classpath, Map<String, String> settings, Path log,
            String heap) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(JVM_FLAGS);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", classpath, MAIN_CLASS));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new NodeProcess(name, process, log, port(settings, "collector.http.port"),
                    port(settings, "collector.grpc.port"), port(settings, "collector.hazelcast.port"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private static int port(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("a drill node needs " + key + " set, so the drill can reach it");
        }
        return Integer.parseInt(value);
    }

    /** Waits for the node's start-up report; fails with the end of its log if it died instead. */
    public NodeProcess awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = logText();
            if (text.contains(RUNNING)) {
                return this;
            }
            if (!process.isAlive() || text.contains(MAIN_DIED)) {
                throw new IllegalStateException(name + " failed to start:\n" + tail(text));
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " did not start within " + timeout + ":\n" + tail(logText()));
    }

    /** {@code kill -9}: the JVM ends at once, mid-call, mid-write. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public int grpcPort() {
        return grpcPort;
    }

    public int hazelcastPort() {
        return hazelcastPort;
    }

    public Path log() {
        return log;
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    /** SIGTERM, so the node stops its parts in order; SIGKILL if it takes too long. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", http " + httpPort + ", grpc " + grpcPort + ", hazelcast "
                + hazelcastPort + ")";
    }
}
