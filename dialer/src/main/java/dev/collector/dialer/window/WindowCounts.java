package dev.collector.dialer.window;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A campaign's person-answered and abandoned calls, in one-hour buckets keyed by the bucket's start
 * (epoch hour). Hour buckets make the compliance window slide without keeping every call: a 30-day
 * window is 720 small entries, a 24-hour one 24. Immutable and serializable, so it can be kept as is
 * in a durable Hazelcast map and survive a restart of the dialer.
 */
public record WindowCounts(TreeMap<Long, long[]> byHour) implements Serializable {

    private static final int ANSWERED = 0;
    private static final int ABANDONED = 1;

    public WindowCounts {
        Objects.requireNonNull(byHour, "byHour");
        TreeMap<Long, long[]> copy = new TreeMap<>();
        byHour.forEach((hour, counts) -> copy.put(hour, counts.clone()));
        byHour = copy;
    }

    public static WindowCounts empty() {
        return new WindowCounts(new TreeMap<>());
    }

    /** One more call answered by a person; {@code abandoned} when no agent reached it in time. */
    public WindowCounts withAnswer(Instant at, boolean abandoned) {
        TreeMap<Long, long[]> next = new TreeMap<>(byHour);
        long[] counts = next.getOrDefault(hourOf(at), new long[2]).clone();
        counts[ANSWERED]++;
        if (abandoned) {
            counts[ABANDONED]++;
        }
        next.put(hourOf(at), counts);
        return new WindowCounts(next);
    }

    /** Without the hours wholly before the window ending at {@code now}. */
    public WindowCounts within(Duration window, Instant now) {
        long firstHour = hourOf(now.minus(window));
        return new WindowCounts(new TreeMap<>(byHour.tailMap(firstHour, true)));
    }

    public long answered(Duration window, Instant now) {
        return sum(window, now, ANSWERED);
    }

    public long abandoned(Duration window, Instant now) {
        return sum(window, now, ABANDONED);
    }

    private long sum(Duration window, Instant now, int index) {
        // The oldest hour is counted from its start: the window reads up to an hour long, erring
        // toward more abandons counted, never fewer.
        long firstHour = hourOf(now.minus(window));
        long total = 0;
        for (Map.Entry<Long, long[]> e : byHour.tailMap(firstHour, true).entrySet()) {
            total += e.getValue()[index];
        }
        return total;
    }

    private static long hourOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 3600);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WindowCounts other) || other.byHour.size() != byHour.size()) {
            return false;
        }
        for (Map.Entry<Long, long[]> e : byHour.entrySet()) {
            long[] theirs = other.byHour.get(e.getKey());
            if (theirs == null || !java.util.Arrays.equals(theirs, e.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return byHour.keySet().hashCode();
    }
}
