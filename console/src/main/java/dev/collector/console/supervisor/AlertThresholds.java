package dev.collector.console.supervisor;

import java.time.Duration;
import java.util.Objects;

/**
 * When the wall raises its alerts.
 *
 * @param abandonShareOfCap  the abandon rate (window or today) at this share of its cap warns: the
 *                           governor engages at 90 %, the supervisor should hear of it before
 * @param noReadyAgentsFor   how long cases may wait with no agent ready before it is an alert: every
 *                           agent on a call for a few seconds is a busy floor, not a problem
 */
public record AlertThresholds(double abandonShareOfCap, Duration noReadyAgentsFor) {

    public AlertThresholds {
        if (!(abandonShareOfCap > 0 && abandonShareOfCap <= 1)) {
            throw new IllegalArgumentException("abandonShareOfCap must be within (0, 1], was " + abandonShareOfCap);
        }
        Objects.requireNonNull(noReadyAgentsFor, "noReadyAgentsFor");
        if (noReadyAgentsFor.isNegative()) {
            throw new IllegalArgumentException("noReadyAgentsFor must not be negative, was " + noReadyAgentsFor);
        }
    }

    /** Warn at 80 % of the cap; no ready agent for a minute with cases waiting. */
    public static AlertThresholds defaults() {
        return new AlertThresholds(0.8, Duration.ofSeconds(60));
    }
}
