package dev.collector.app;

import dev.collector.app.config.ConfigSource;
import dev.collector.app.config.NodeConfig;
import dev.collector.app.config.NodeConfigLoader;
import dev.collector.app.demo.DemoRun;
import java.time.Duration;
import java.time.Instant;

/** Starts a Collector node from the configuration, and the demo unless it is turned off. */
public final class CollectorMain {

    private CollectorMain() {
    }

    public static void main(String[] args) throws Exception {
        CommonPool.sizeForCallbacks();
        Instant startedAt = Instant.now();
        NodeConfig config = NodeConfigLoader.load(ConfigSource.system());
        CollectorNode node = CollectorNode.start(config);
        DemoRun demo = config.demo().enabled() ? DemoRun.start(node) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Collector...");
            if (demo != null) {
                demo.close();
            }
            node.close();
        }, "collector-shutdown"));
        StartupReport.print(node, demo, Duration.between(startedAt, Instant.now()));
        if (demo != null) {
            demo.reportProgressUntilStopped(System.out);
        } else {
            Thread.currentThread().join();
        }
    }
}
