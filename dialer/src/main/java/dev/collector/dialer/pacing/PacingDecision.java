package dev.collector.dialer.pacing;

import java.util.Objects;

/**
 * What to do now: how many new calls to place, the mode in force and why, in words a supervisor can
 * read. {@code governorEngaged} is fed back into the next {@link PacingState} so the governor's
 * hysteresis needs no hidden state.
 */
public record PacingDecision(int callsToPlace, DialMode mode, boolean governorEngaged, String reason) {

    public PacingDecision {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reason, "reason");
        if (callsToPlace < 0) {
            throw new IllegalArgumentException("callsToPlace must not be negative: " + callsToPlace);
        }
    }
}
