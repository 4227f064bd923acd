package dev.collector.pbx.world;

import java.time.Duration;

/**
 * Maps simulated durations to wall-clock delays: 0.1 runs the world ten times faster, so a test
 * or a demo sees a three-minute conversation end after 18 seconds.
 */
public record TimeScale(double factor) {

    public TimeScale {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("time scale must be positive and finite: " + factor);
        }
    }

    public static TimeScale realTime() {
        return new TimeScale(1.0);
    }

    /** The real delay for a simulated duration, in nanoseconds. */
    public long realNanos(Duration simulated) {
        return Math.round(simulated.toNanos() * factor);
    }

    /** Simulated seconds for a real elapsed time, for durations shown to clients. */
    public long simulatedSeconds(long realNanos) {
        return (long) (realNanos / factor / 1_000_000_000L);
    }
}
