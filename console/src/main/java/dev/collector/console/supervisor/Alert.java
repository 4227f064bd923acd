package dev.collector.console.supervisor;

import java.util.Objects;

/**
 * Something on the floor a supervisor must act on now.
 *
 * @param code    stable name, also the metric's label ({@code ABANDON_RATE_NEAR_CAP}...)
 * @param message what is wrong, in the supervisor's words
 */
public record Alert(String code, Severity severity, String message) {

    public enum Severity { WARNING, CRITICAL }

    public Alert {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
