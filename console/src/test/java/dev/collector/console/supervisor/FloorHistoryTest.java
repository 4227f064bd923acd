package dev.collector.console.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FloorHistoryTest {

    @Test
    void eachMinuteHoldsItsOwnDialsAnswersAndAbandonsAndDialsPerMinuteFollowsTheLastMinute() {
        FloorHistory history = new FloorHistory();
        Instant t0 = Instant.parse("2026-11-23T09:00:00Z");
        history.sample(floor(t0, 0, 0, 0));
        history.sample(floor(t0.plusSeconds(30), 10, 4, 0));
        history.sample(floor(t0.plusSeconds(60), 20, 9, 1));
        history.sample(floor(t0.plusSeconds(90), 50, 12, 1));
        history.sample(floor(t0.plusSeconds(120), 60, 20, 2));

        List<FloorHistory.Minute> minutes = history.minutes();
        assertThat(minutes).extracting(FloorHistory.Minute::dials).containsExactly(20L, 40L);
        assertThat(minutes).extracting(FloorHistory.Minute::answered).containsExactly(9L, 11L);
        assertThat(minutes).extracting(FloorHistory.Minute::abandoned).containsExactly(1L, 1L);
        // the last 60 s: 20 dials at 60 s, 60 at 120 s
        assertThat(history.dialsPerMinute()).isEqualTo(40.0);

        history.sample(floor(t0.plusSeconds(150), 70, 25, 2));
        assertThat(history.minutes()).hasSize(2);
        assertThat(history.minuteSoFar().orElseThrow()).satisfies(m -> {
            assertThat(m.minute()).isEqualTo(t0.plusSeconds(120));
            assertThat(m.dials()).isEqualTo(10);
            assertThat(m.answered()).isEqualTo(5);
        });
    }

    @Test
    void aCurveKeptBeforeARestartComesFirstAndOnlyItsLastDayIsTakenBack() {
        Instant t0 = Instant.parse("2026-11-23T09:00:00Z");
        List<List<FloorHistory.Minute>> told = new java.util.ArrayList<>();
        FloorHistory before = new FloorHistory();
        before.whenMinuteClosed(told::add);
        before.sample(floor(t0, 0, 0, 0));
        before.sample(floor(t0.plusSeconds(60), 5, 2, 0));
        before.sample(floor(t0.plusSeconds(120), 15, 4, 1));
        assertThat(told).hasSize(2);
        List<FloorHistory.Minute> kept = new java.util.ArrayList<>(told.get(1));
        kept.add(0, new FloorHistory.Minute(t0.minus(java.time.Duration.ofDays(2)), 99, 0, 0, 0, 0, 0));

        FloorHistory after = new FloorHistory();
        after.sample(floor(t0.plusSeconds(600), 0, 0, 0));
        after.sample(floor(t0.plusSeconds(660), 7, 1, 0));
        after.restore(kept, t0.plusSeconds(700));

        assertThat(after.minutes()).extracting(FloorHistory.Minute::dials).containsExactly(5L, 10L, 7L);
    }

    private static FloorSnapshot floor(Instant at, long dialed, long answered, long abandoned) {
        return new FloorSnapshot(at, "c1", "progressive", dialed, 0, 0, Map.of(),
                Map.of("ANSWERED", answered - abandoned, "ABANDONED", abandoned), List.of());
    }
}
