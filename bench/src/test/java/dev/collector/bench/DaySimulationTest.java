package dev.collector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.dialer.pacing.Progressive;
import org.junit.jupiter.api.Test;

class DaySimulationTest {

    private static final Scenario TEN_AGENTS_ONE_HOUR = Scenario.of(10, 0.25, 0.25, 180, 42L).lasting(3600);

    @Test
    void collector_pacing_keeps_ten_agents_under_the_cap_and_talking_more_than_progressive() {
        DayResult collector = DaySimulation.run(TEN_AGENTS_ONE_HOUR, PacingBenchmark.collector());
        DayResult progressive = DaySimulation.run(TEN_AGENTS_ONE_HOUR, Pacer.of(new Progressive()));

        assertThat(collector.abandonRate()).isLessThanOrEqualTo(0.03);
        assertThat(collector.talkShare()).isGreaterThan(progressive.talkShare());
    }

    @Test
    void progressive_never_abandons() {
        DayResult progressive = DaySimulation.run(TEN_AGENTS_ONE_HOUR, Pacer.of(new Progressive()));

        assertThat(progressive.humanAnswered()).isPositive();
        assertThat(progressive.abandoned()).isZero();
    }

    @Test
    void same_seed_same_day() {
        DayResult first = DaySimulation.run(TEN_AGENTS_ONE_HOUR, PacingBenchmark.collector());
        DayResult second = DaySimulation.run(TEN_AGENTS_ONE_HOUR, PacingBenchmark.collector());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void hindsight_bound_talks_more_than_any_dialer_and_abandons_nothing() {
        DayResult bound = HindsightBound.run(TEN_AGENTS_ONE_HOUR);
        DayResult collector = DaySimulation.run(TEN_AGENTS_ONE_HOUR, PacingBenchmark.collector());

        assertThat(bound.abandoned()).isZero();
        assertThat(bound.talkShare()).isGreaterThan(collector.talkShare());
    }
}
