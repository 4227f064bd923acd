package dev.collector.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacingPolicyTest {

    private static final Duration LONG_AGO = Duration.ofSeconds(60);

    private final PacingPolicy predictive = AbandonRateGovernor.around(Predictive.standard());

    @Test
    void no_free_agent_and_none_expected_free_places_no_call() {
        // talking agents cannot be free within 12 s: a 20 s wrap-up always follows the conversation
        PacingState state = States.team().free(0).talking(10, LONG_AGO).build();

        assertThat(new Progressive().decide(state).callsToPlace()).isZero();
        assertThat(new Power(2.0).decide(state).callsToPlace()).isZero();
        assertThat(predictive.decide(state).callsToPlace()).isZero();
    }

    @Test
    void progressive_places_one_call_per_free_agent_less_the_calls_ringing() {
        PacingState state = States.team().free(4).talking(6, LONG_AGO).ringing(1, Duration.ofSeconds(3)).build();

        PacingDecision decision = new Progressive().decide(state);

        assertThat(decision.callsToPlace()).isEqualTo(3);
        assertThat(decision.mode()).isEqualTo(DialMode.PROGRESSIVE);
    }

    @Test
    void power_places_its_ratio_per_free_agent_less_the_calls_ringing() {
        PacingState state = States.team().free(4).talking(6, LONG_AGO).ringing(2, Duration.ofSeconds(3)).build();

        assertThat(new Power(2.5).decide(state).callsToPlace()).isEqualTo(8);
    }

    @Test
    void fixed_level_keeps_calls_in_flight_at_level_times_agents() {
        PacingState state = States.team().free(2).talking(6, LONG_AGO).wrappingUp(2, Duration.ofSeconds(5))
                .ringing(3, Duration.ofSeconds(3)).build();

        // 1.5 × 10 agents = 15 in flight; 8 busy agents + 3 ringing are up already
        assertThat(new FixedDialLevel(1.5).decide(state).callsToPlace()).isEqualTo(4);
        assertThat(new FixedDialLevel(1.0).decide(state).callsToPlace())
                .isEqualTo(new Progressive().decide(state).callsToPlace());
    }

    @Test
    void predictive_dials_ahead_for_agents_about_to_leave_wrap_up() {
        PacingState state = States.team().free(0).talking(40, LONG_AGO).wrappingUp(10, Duration.ofSeconds(15)).build();

        PacingDecision decision = predictive.decide(state);

        assertThat(decision.callsToPlace()).isGreaterThan(10);
        assertThat(decision.mode()).isEqualTo(DialMode.PREDICTIVE);
    }

    @Test
    void more_free_agents_get_more_calls() {
        PacingState few = States.team().free(5).talking(45, LONG_AGO).build();
        PacingState many = States.team().free(15).talking(35, LONG_AGO).build();

        assertThat(predictive.decide(many).callsToPlace()).isGreaterThan(predictive.decide(few).callsToPlace());
    }

    @Test
    void low_answer_rate_gets_more_calls_per_free_agent() {
        PacingState high = States.team().free(10).talking(40, LONG_AGO).answerRate(0.40, 5_000).build();
        PacingState low = States.team().free(10).talking(40, LONG_AGO).answerRate(0.10, 5_000).build();

        int highCalls = predictive.decide(high).callsToPlace();
        int lowCalls = predictive.decide(low).callsToPlace();

        assertThat(highCalls).isGreaterThan(10);
        assertThat(lowCalls).isGreaterThan(2 * highCalls);
    }

    @Test
    void large_team_gets_more_calls_per_free_agent_than_a_small_one() {
        PacingState small = States.team().free(2).talking(3, LONG_AGO).build();
        PacingState large = States.team().free(80).talking(120, LONG_AGO).build();

        double smallPerAgent = predictive.decide(small).callsToPlace() / 2.0;
        double largePerAgent = predictive.decide(large).callsToPlace() / 80.0;

        assertThat(largePerAgent).isGreaterThan(smallPerAgent);
    }

    @Test
    void calls_already_ringing_count_less_the_longer_they_have_rung() {
        PacingState fresh = States.team().free(10).talking(40, LONG_AGO).ringing(20, Duration.ofSeconds(1)).build();
        PacingState stale = States.team().free(10).talking(40, LONG_AGO).ringing(20, Duration.ofSeconds(22)).build();

        assertThat(predictive.decide(stale).callsToPlace()).isGreaterThan(predictive.decide(fresh).callsToPlace());
    }

    @Test
    void calls_certain_to_be_answered_leave_no_room_for_more() {
        // an unmeasured answer rate counts every ringing call as a sure answer: q rounds to 1 exactly
        PacingState state = States.team().free(200).ringing(203, Duration.ofSeconds(2)).answerRate(0, 0).build();

        assertThat(predictive.decide(state).callsToPlace()).isZero();
    }

    @Test
    void unmeasured_answer_rate_starts_progressive() {
        PacingState state = States.team().free(10).talking(40, LONG_AGO).answerRate(0, 0).build();

        assertThat(predictive.decide(state).callsToPlace()).isEqualTo(10);
    }

    @Test
    void used_up_abandon_budget_leaves_predictive_no_more_than_progressive() {
        PacingState state = States.team().free(10).talking(40, LONG_AGO).window(30, 1_000).build();

        assertThat(Predictive.standard().decide(state).callsToPlace()).isEqualTo(10);
    }

    @Test
    void predictive_never_exceeds_its_calls_per_agent_ceiling() {
        PacingState state = States.team().free(10).talking(0, LONG_AGO).answerRate(0.01, 100_000).build();

        assertThat(new Predictive(1.0, 2.0).decide(state).callsToPlace()).isEqualTo(20);
    }

    @Test
    void states_that_do_not_add_up_are_refused_naming_the_field() {
        assertThatThrownBy(() -> new PacingState(java.time.Instant.EPOCH, 3, 1, java.util.List.of(),
                new HandlingTimes(Duration.ofSeconds(180), Duration.ofSeconds(20)), java.util.List.of(), 0, 0.25, 10,
                Duration.ofSeconds(12), Duration.ofSeconds(25), 0, 0, 0.03, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agentsLoggedIn");
    }
}
