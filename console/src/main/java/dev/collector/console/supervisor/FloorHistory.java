package dev.collector.console.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The day on the floor minute by minute, for the wall's charts: dials, person-answered calls and
 * abandons in each minute, and agents ready and talking, cases waiting at its end. Kept in memory
 * for the last 24 hours (1,440 points). Each closed minute is told to a listener, which may keep
 * the curve elsewhere ({@link #whenMinuteClosed}); a restarted node continues the curve it is given
 * back ({@link #restore}).
 */
public final class FloorHistory {

    static final int MINUTES_KEPT = 24 * 60;

    /** One minute of the day. */
    public record Minute(Instant minute, long dials, long answered, long abandoned, long ready, long onCall,
                         long waiting) implements java.io.Serializable {
    }

    private final Deque<Minute> minutes = new ArrayDeque<>();
    private FloorSnapshot minuteStart;
    private Instant currentMinute;
    private final Deque<FloorSnapshot> lastMinute = new ArrayDeque<>();
    private volatile java.util.function.Consumer<List<Minute>> minuteClosed = minutes -> { };

    /**
     * Tells {@code listener} the whole curve each time a minute closes (once a minute, on the
     * sampling thread: it must not block).
     */
    public void whenMinuteClosed(java.util.function.Consumer<List<Minute>> listener) {
        this.minuteClosed = java.util.Objects.requireNonNull(listener, "listener");
    }

    /**
     * Takes back a curve kept before a restart: its minutes of the 24 hours before {@code now}, in
     * order, ahead of anything sampled since.
     */
    public synchronized void restore(List<Minute> kept, Instant now) {
        Instant since = now.minus(Duration.ofMinutes(MINUTES_KEPT));
        Instant firstSampled = minutes.isEmpty() ? (currentMinute == null ? Instant.MAX : currentMinute)
                : minutes.peekFirst().minute();
        List<Minute> earlier = new ArrayList<>();
        for (Minute m : kept) {
            if (m.minute().isAfter(since) && m.minute().isBefore(firstSampled)) {
                earlier.add(m);
            }
        }
        earlier.sort(java.util.Comparator.comparing(Minute::minute));
        for (int i = earlier.size() - 1; i >= 0; i--) {
            minutes.addFirst(earlier.get(i));
        }
        while (minutes.size() > MINUTES_KEPT) {
            minutes.removeFirst();
        }
    }

    /** Takes a snapshot; closes the minute when the snapshot is from the next one. */
    public synchronized void sample(FloorSnapshot floor) {
        Instant minute = floor.at().truncatedTo(ChronoUnit.MINUTES);
        if (currentMinute == null) {
            currentMinute = minute;
            minuteStart = floor;
        } else if (minute.isAfter(currentMinute)) {
            minutes.addLast(between(currentMinute, minuteStart, floor));
            while (minutes.size() > MINUTES_KEPT) {
                minutes.removeFirst();
            }
            minuteClosed.accept(new ArrayList<>(minutes));
            currentMinute = minute;
            minuteStart = floor;
        }
        lastMinute.addLast(floor);
        while (lastMinute.size() > 1
                && Duration.between(lastMinute.peekFirst().at(), floor.at()).compareTo(Duration.ofSeconds(60)) > 0) {
            lastMinute.removeFirst();
        }
    }

    /** Dials per minute over the last minute seen (over the time seen, when less than a minute). */
    public synchronized double dialsPerMinute() {
        if (lastMinute.size() < 2) {
            return 0;
        }
        FloorSnapshot first = lastMinute.peekFirst();
        FloorSnapshot last = lastMinute.peekLast();
        long millis = Duration.between(first.at(), last.at()).toMillis();
        return millis <= 0 ? 0 : Math.max(0, last.dialed() - first.dialed()) * 60_000.0 / millis;
    }

    public synchronized List<Minute> minutes() {
        return new ArrayList<>(minutes);
    }

    /** The minute in progress so far, so that a chart shows the last seconds too. */
    public synchronized java.util.Optional<Minute> minuteSoFar() {
        return currentMinute == null || lastMinute.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(between(currentMinute, minuteStart, lastMinute.peekLast()));
    }

    private static Minute between(Instant minute, FloorSnapshot start, FloorSnapshot end) {
        return new Minute(minute, Math.max(0, end.dialed() - start.dialed()),
                Math.max(0, end.humanAnswers() - start.humanAnswers()),
                Math.max(0, ended(end, "ABANDONED") - ended(start, "ABANDONED")),
                end.agentsIn("READY"), end.agentsIn("ON_CALL"), end.waitingCases());
    }

    private static long ended(FloorSnapshot floor, String result) {
        return floor.endedByResult().getOrDefault(result, 0L);
    }
}
