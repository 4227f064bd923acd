package dev.collector.dialer.ami;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the n-th attempt to log in again after the AMI session was lost: doubling
 * from {@code first} up to {@code max}, each wait drawn between half and all of it, so that the
 * dialer nodes of a cluster do not all knock on a restarted Asterisk in the same millisecond.
 *
 * @param callsLostAfter how long a PBX may stay out of reach before the calls we had on it are
 *                       taken for lost (a crashed Asterisk takes them with it): they end, their
 *                       agents are free again; should it come back, its reconciliation finds them ended
 */
public record ReconnectBackoff(Duration first, Duration max, Duration callsLostAfter) {

    public static final Duration DEFAULT_CALLS_LOST_AFTER = Duration.ofSeconds(60);

    public ReconnectBackoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("first reconnect delay must be positive: " + first);
        }
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException("max reconnect delay must be at least the first: " + max);
        }
        Objects.requireNonNull(callsLostAfter, "callsLostAfter");
        if (callsLostAfter.isNegative() || callsLostAfter.isZero()) {
            throw new IllegalArgumentException("callsLostAfter must be positive: " + callsLostAfter);
        }
    }

    public ReconnectBackoff(Duration first, Duration max) {
        this(first, max, DEFAULT_CALLS_LOST_AFTER);
    }

    /** 100 ms, 200 ms, 400 ms ... up to 10 s; calls lost after 60 s out of reach. */
    public static ReconnectBackoff defaults() {
        return new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    /** The wait before attempt {@code attempt} (0 is the first attempt after the loss). */
    public Duration delay(int attempt) {
        long ceiling = first.toMillis() << Math.min(attempt, 20);
        long capped = Math.min(ceiling <= 0 ? max.toMillis() : ceiling, max.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
