package dev.collector.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AbandonRateGovernorTest {

    private final AbandonRateGovernor governor = AbandonRateGovernor.around(Predictive.standard());

    private static States busyTeam() {
        return States.team().free(10).talking(40, Duration.ofSeconds(60));
    }

    @Test
    void cap_reached_forces_progressive_and_says_why() {
        PacingDecision decision = governor.decide(busyTeam().window(30, 1_000).build());

        assertThat(decision.mode()).isEqualTo(DialMode.PROGRESSIVE);
        assertThat(decision.governorEngaged()).isTrue();
        assertThat(decision.callsToPlace()).isEqualTo(10);
        assertThat(decision.reason()).contains("governor").contains("3.00 %");
    }

    @Test
    void rate_well_under_the_cap_leaves_predictive_in_force() {
        PacingDecision decision = governor.decide(busyTeam().window(10, 1_000).build());

        assertThat(decision.mode()).isEqualTo(DialMode.PREDICTIVE);
        assertThat(decision.governorEngaged()).isFalse();
        assertThat(decision.callsToPlace()).isGreaterThan(10);
    }

    @Test
    void engages_at_ninety_percent_of_the_cap() {
        assertThat(governor.decide(busyTeam().window(26, 1_000).build()).governorEngaged()).isFalse();
        assertThat(governor.decide(busyTeam().window(27, 1_000).build()).governorEngaged()).isTrue();
    }

    @Test
    void once_engaged_stays_progressive_until_the_rate_falls_to_seventy_percent_of_the_cap() {
        // 2.5 %: between release (2.1 %) and engage (2.7 %), so the previous mode decides
        PacingState between = busyTeam().window(25, 1_000).build();
        PacingState betweenWhileEngaged = busyTeam().window(25, 1_000).governorEngaged(true).build();
        PacingState belowRelease = busyTeam().window(21, 1_000).governorEngaged(true).build();

        assertThat(governor.decide(between).mode()).isEqualTo(DialMode.PREDICTIVE);
        assertThat(governor.decide(betweenWhileEngaged).mode()).isEqualTo(DialMode.PROGRESSIVE);
        assertThat(governor.decide(betweenWhileEngaged).governorEngaged()).isTrue();
        assertThat(governor.decide(belowRelease).mode()).isEqualTo(DialMode.PREDICTIVE);
        assertThat(governor.decide(belowRelease).governorEngaged()).isFalse();
    }

    @Test
    void first_abandon_of_a_window_is_not_read_as_a_huge_rate() {
        PacingDecision decision = governor.decide(busyTeam().window(1, 5).build());

        assertThat(decision.governorEngaged()).isFalse();
    }
}
