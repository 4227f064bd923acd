package dev.collector.pbx.world;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the debtors' readiness to answer drifts over the day: the answer share swings by up to
 * {@code amplitude} of itself around its base, highest at {@code peak} local time (people are home
 * in the evening) and lowest twelve hours away; the unanswered share takes up the difference.
 * The simulator reads the time of day on its own clock, which runs as fast as its time scale.
 */
public record DailyDrift(double amplitude, LocalTime peak, ZoneId zone) {

    public DailyDrift {
        if (!(amplitude >= 0 && amplitude < 1)) {
            throw new IllegalArgumentException("drift amplitude must be within 0 (none) and 1: " + amplitude);
        }
        Objects.requireNonNull(peak, "peak");
        Objects.requireNonNull(zone, "zone");
    }

    public static DailyDrift none() {
        return new DailyDrift(0, LocalTime.of(18, 0), ZoneId.of("UTC"));
    }

    public boolean drifts() {
        return amplitude > 0;
    }

    /** The factor applied to the answer share at this local time: 1 - amplitude .. 1 + amplitude. */
    public double answerFactor(LocalTime time) {
        double minutesFromPeak = Duration.between(peak, time).toMinutes();
        return 1 + amplitude * Math.cos(2 * Math.PI * minutesFromPeak / (24 * 60));
    }
}
