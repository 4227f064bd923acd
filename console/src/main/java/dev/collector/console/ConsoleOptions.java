package dev.collector.console;

import java.util.Objects;

/**
 * Where the console listens.
 *
 * @param port 0 picks a free port; {@link ConsoleServer#port()} tells which
 */
public record ConsoleOptions(String host, int port) {
    public ConsoleOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
    }

    /** Loopback only, on a free port: for tests and single-machine demos. */
    public static ConsoleOptions localEphemeral() {
        return new ConsoleOptions("127.0.0.1", 0);
    }
}
