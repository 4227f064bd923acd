package dev.collector.dialer.ami;

import java.util.Objects;

/** Where the Asterisk Manager Interface listens and the manager account we log in with. */
public record AmiSettings(String host, int port, String username, String secret) {
    public AmiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        // The secret stays out of logs.
        return "AmiSettings[" + username + "@" + host + ":" + port + "]";
    }
}
