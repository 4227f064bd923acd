package dev.collector.pbx.world;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/** How long something simulated lasts (ringing, talking, a greeting), drawn from a seeded Random. */
public sealed interface DurationDistribution
        permits DurationDistribution.Fixed, DurationDistribution.Uniform, DurationDistribution.Exponential {

    Duration sample(Random random);

    static DurationDistribution fixed(Duration value) {
        return new Fixed(value);
    }

    static DurationDistribution uniform(Duration min, Duration max) {
        return new Uniform(min, max);
    }

    /** Exponential with the given mean, clamped to [floor, ceiling]: talk times have a long tail. */
    static DurationDistribution exponential(Duration mean, Duration floor, Duration ceiling) {
        return new Exponential(mean, floor, ceiling);
    }

    record Fixed(Duration value) implements DurationDistribution {
        public Fixed {
            requireNotNegative(value, "value");
        }

        @Override
        public Duration sample(Random random) {
            return value;
        }
    }

    record Uniform(Duration min, Duration max) implements DurationDistribution {
        public Uniform {
            requireNotNegative(min, "min");
            requireNotNegative(max, "max");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("max must not be below min: " + min + " > " + max);
            }
        }

        @Override
        public Duration sample(Random random) {
            long spread = max.toMillis() - min.toMillis();
            return min.plusMillis(spread == 0 ? 0 : (long) (random.nextDouble() * (spread + 1)));
        }
    }

    record Exponential(Duration mean, Duration floor, Duration ceiling) implements DurationDistribution {
        public Exponential {
            requireNotNegative(mean, "mean");
            requireNotNegative(floor, "floor");
            requireNotNegative(ceiling, "ceiling");
            if (ceiling.compareTo(floor) < 0) {
                throw new IllegalArgumentException("ceiling must not be below floor: " + floor + " > " + ceiling);
            }
        }

        @Override
        public Duration sample(Random random) {
            double millis = -Math.log(1.0 - random.nextDouble()) * mean.toMillis();
            long clamped = Math.max(floor.toMillis(), Math.min(ceiling.toMillis(), Math.round(millis)));
            return Duration.ofMillis(clamped);
        }
    }

    private static void requireNotNegative(Duration duration, String field) {
        Objects.requireNonNull(duration, field);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative: " + duration);
        }
    }
}
