package dev.collector.dialer.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Crafted pacing states for tests: a team of agents, each either free, talking or wrapping up. */
final class States {

    private int free;
    private final List<BusyAgent> busy = new ArrayList<>();
    private final List<Duration> ringing = new ArrayList<>();
    private double answerRate = 0.25;
    private long sample = 2_000;
    private long abandons;
    private long answered = 1_000;
    private boolean governorEngaged;

    static States team() {
        return new States();
    }

    States free(int agents) {
        free = agents;
        return this;
    }

    States talking(int agents, Duration elapsed) {
        busy.addAll(Collections.nCopies(agents, BusyAgent.talking(elapsed)));
        return this;
    }

    States wrappingUp(int agents, Duration elapsed) {
        busy.addAll(Collections.nCopies(agents, BusyAgent.wrappingUp(elapsed)));
        return this;
    }

    States ringing(int calls, Duration elapsed) {
        ringing.addAll(Collections.nCopies(calls, elapsed));
        return this;
    }

    States answerRate(double rate, long sampleSize) {
        answerRate = rate;
        sample = sampleSize;
        return this;
    }

    States window(long abandonedCalls, long answeredCalls) {
        abandons = abandonedCalls;
        answered = answeredCalls;
        return this;
    }

    States governorEngaged(boolean engaged) {
        governorEngaged = engaged;
        return this;
    }

    PacingState build() {
        return new PacingState(Instant.parse("2026-11-23T10:00:00Z"), free + busy.size(), free, busy,
                new HandlingTimes(Duration.ofSeconds(180), Duration.ofSeconds(20)), ringing, 0, answerRate, sample,
                Duration.ofSeconds(12), Duration.ofSeconds(25), abandons, answered, 0.03, governorEngaged);
    }
}
