package dev.collector.pbx.manager;

import java.util.Objects;

/** The one manager user the simulator knows, like a {@code [collector]} section of manager.conf. */
public record ManagerAccount(String username, String secret) {

    public ManagerAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
    }
}
