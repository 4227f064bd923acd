package dev.collector.dialer.pacing;

import java.time.Duration;
import java.util.Objects;

/** An agent who is not free: in conversation or in wrap-up, and for how long so far. */
public record BusyAgent(Phase phase, Duration elapsed) {

    public enum Phase { TALKING, WRAP_UP }

    public BusyAgent {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(elapsed, "elapsed");
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed must not be negative: " + elapsed);
        }
    }

    public static BusyAgent talking(Duration elapsed) {
        return new BusyAgent(Phase.TALKING, elapsed);
    }

    public static BusyAgent wrappingUp(Duration elapsed) {
        return new BusyAgent(Phase.WRAP_UP, elapsed);
    }
}
