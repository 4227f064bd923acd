package dev.collector.dialer.pacing;

import java.time.Duration;
import java.util.Objects;

/**
 * The observed handling-time model of a campaign: talk time taken as exponential with the observed
 * mean (memoryless, so an agent's time already spent talking says nothing about the time left), and
 * a wrap-up of fixed length.
 */
public record HandlingTimes(Duration meanTalk, Duration wrapUp) {

    public HandlingTimes {
        Objects.requireNonNull(meanTalk, "meanTalk");
        Objects.requireNonNull(wrapUp, "wrapUp");
        if (meanTalk.isNegative() || meanTalk.isZero()) {
            throw new IllegalArgumentException("meanTalk must be positive: " + meanTalk);
        }
        if (wrapUp.isNegative()) {
            throw new IllegalArgumentException("wrapUp must not be negative: " + wrapUp);
        }
    }

    /** Probability that this agent is free again within {@code horizon} from now. */
    public double probabilityFreeWithin(BusyAgent agent, Duration horizon) {
        double h = seconds(horizon);
        double wrap = seconds(wrapUp);
        if (agent.phase() == BusyAgent.Phase.WRAP_UP) {
            return wrap - seconds(agent.elapsed()) <= h ? 1.0 : 0.0;
        }
        if (h <= wrap) {
            return 0.0;
        }
        return 1.0 - Math.exp(-(h - wrap) / seconds(meanTalk));
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
