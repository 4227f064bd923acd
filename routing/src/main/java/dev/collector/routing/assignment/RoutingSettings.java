package dev.collector.routing.assignment;

import java.time.Duration;
import java.util.Objects;

/**
 * @param affinityHold      how long after the answer a debtor may be held for the agent he knows
 *                          who is about to be ready; what is left of the 2-second rule after it
 *                          must cover the redirect to the agent. Zero never holds.
 * @param callbackWindow    how long before and after the agreed time a callback counts as that
 *                          callback (and goes to the agent it was agreed with)
 * @param lastResortAnyAgent whether a call nobody qualified can take goes to any ready agent
 *                          rather than waiting (and perhaps being abandoned)
 */
public record RoutingSettings(Duration affinityHold, Duration callbackWindow, boolean lastResortAnyAgent) {

    /** The 2-second rule less the time to move the debtor's leg to the agent. */
    public static final Duration LONGEST_AFFINITY_HOLD = Duration.ofMillis(1500);

    public RoutingSettings {
        Objects.requireNonNull(affinityHold, "affinityHold");
        Objects.requireNonNull(callbackWindow, "callbackWindow");
        if (affinityHold.isNegative() || affinityHold.compareTo(LONGEST_AFFINITY_HOLD) > 0) {
            throw new IllegalArgumentException("affinityHold must be within 0-" + LONGEST_AFFINITY_HOLD.toMillis()
                    + " ms so the 2-second rule holds: " + affinityHold);
        }
        if (callbackWindow.isNegative()) {
            throw new IllegalArgumentException("callbackWindow must not be negative");
        }
    }

    public static RoutingSettings defaults() {
        return new RoutingSettings(Duration.ofMillis(1000), Duration.ofMinutes(30), true);
    }
}
