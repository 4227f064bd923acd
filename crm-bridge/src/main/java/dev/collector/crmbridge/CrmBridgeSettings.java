package dev.collector.crmbridge;

import dev.collector.crmbridge.auth.CrmClients;
import dev.collector.crmbridge.auth.ServerTls;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the CRM bridge listens, who may call it and over what.
 *
 * @param port          0 picks a free port; {@link CrmBridgeServer#port()} tells which
 * @param shutdownGrace how long {@link CrmBridgeServer#close()} lets calls in progress finish
 * @param clients       the CRM clients and their credentials; none means every call is the
 *                      built-in caller, which the server allows on a loopback address only
 * @param tls           TLS on the port (with client certificates when it has a client CA); empty
 *                      means plaintext
 */
public record CrmBridgeSettings(String host, int port, Duration shutdownGrace, CrmClients clients,
        Optional<ServerTls> tls) {

    public CrmBridgeSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(tls, "tls");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
    }

    /** Plaintext, no clients configured. */
    public CrmBridgeSettings(String host, int port, Duration shutdownGrace) {
        this(host, port, shutdownGrace, CrmClients.none(), Optional.empty());
    }

    /** All interfaces, the given port, five seconds to finish calls in progress (needs clients to start). */
    public static CrmBridgeSettings onPort(int port) {
        return new CrmBridgeSettings("0.0.0.0", port, Duration.ofSeconds(5));
    }

    /** Loopback only, a free port: for tests and a single-machine setup. */
    public static CrmBridgeSettings loopback() {
        return new CrmBridgeSettings("127.0.0.1", 0, Duration.ofSeconds(5));
    }

    public CrmBridgeSettings withClients(CrmClients clients) {
        return new CrmBridgeSettings(host, port, shutdownGrace, clients, tls);
    }

    public CrmBridgeSettings withTls(ServerTls tls) {
        return new CrmBridgeSettings(host, port, shutdownGrace, clients, Optional.of(tls));
    }
}
