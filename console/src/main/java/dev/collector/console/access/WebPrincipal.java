package dev.collector.console.access;

import dev.collector.domain.access.Role;
import java.util.Objects;

/** Who a browser's session belongs to, as the server resolved it from the session cookie. */
public record WebPrincipal(String id, Role role) {

    public WebPrincipal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }
}
