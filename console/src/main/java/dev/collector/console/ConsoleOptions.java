package dev.collector.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the console listens, and over what.
 *
 * @param port 0 picks a free port; {@link ConsoleServer#port()} tells which
 * @param tls  HTTPS on the port; empty means plain HTTP (keep it behind a TLS-terminating proxy then)
 */
public record ConsoleOptions(String host, int port, Optional<Tls> tls) {

    /**
     * The console's certificate and key, PEM files as for the gRPC port
     * ({@code collector.grpc.tls.*}): the same pair may serve both.
     *
     * @param certificateChain the server's certificate first, then any intermediates
     * @param privateKey       the server's key, unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY})
     */
    public record Tls(Path certificateChain, Path privateKey) {

        public Tls {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
            // checked now, so a wrong path stops the node at start with the file named, not at the first request
            readable(certificateChain, "collector.http.tls.cert-chain");
            readable(privateKey, "collector.http.tls.private-key");
        }

        private static void readable(Path file, String setting) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException(setting + ": the file " + file + " does not exist or cannot be read");
            }
        }
    }

    public ConsoleOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
    }

    /** Plain HTTP. */
    public ConsoleOptions(String host, int port) {
        this(host, port, Optional.empty());
    }

    /** Loopback only, on a free port: for tests and single-machine demos. */
    public static ConsoleOptions localEphemeral() {
        return new ConsoleOptions("127.0.0.1", 0);
    }

    public ConsoleOptions withTls(Tls tls) {
        return new ConsoleOptions(host, port, Optional.of(tls));
    }

    /** The scheme pages are served over. */
    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }
}
