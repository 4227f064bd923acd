package dev.collector.crmbridge;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the CRM bridge listens.
 *
 * @param port          0 picks a free port; {@link CrmBridgeServer#port()} tells which
 * @param shutdownGrace how long {@link CrmBridgeServer#close()} lets calls in progress finish
 */
public record CrmBridgeSettings(String host, int port, Duration shutdownGrace) {

    public CrmBridgeSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
    }

    /** All interfaces, the given port, five seconds to finish calls in progress. */
    public static CrmBridgeSettings onPort(int port) {
        return new CrmBridgeSettings("0.0.0.0", port, Duration.ofSeconds(5));
    }

    /** Loopback only, a free port: for tests and a single-machine setup. */
    public static CrmBridgeSettings loopback() {
        return new CrmBridgeSettings("127.0.0.1", 0, Duration.ofSeconds(5));
    }
}
