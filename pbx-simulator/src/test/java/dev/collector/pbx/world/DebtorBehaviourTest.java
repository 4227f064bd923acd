package dev.collector.pbx.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The debtor population on its own: shares, ranges, forcing and repeatability. */
class DebtorBehaviourTest {

    private static final ChannelVariables NO_VARIABLES = new ChannelVariables();

    @Test
    void outcomes_follow_the_shares_of_the_capture_dialplan() {
        Random random = new Random(1);
        Map<CallOutcome, Integer> counts = new EnumMap<>(CallOutcome.class);
        int calls = 20_000;
        for (int i = 0; i < calls; i++) {
            counts.merge(DebtorBehaviour.defaults().react(random, NO_VARIABLES).outcome(), 1, Integer::sum);
        }
        assertThat(counts.get(CallOutcome.ANSWER) / (double) calls).isBetween(0.38, 0.42);
        assertThat(counts.get(CallOutcome.MACHINE) / (double) calls).isBetween(0.09, 0.11);
        assertThat(counts.get(CallOutcome.BUSY) / (double) calls).isBetween(0.135, 0.165);
        assertThat(counts.get(CallOutcome.CONGESTION) / (double) calls).isBetween(0.135, 0.165);
        assertThat(counts.get(CallOutcome.NO_ANSWER) / (double) calls).isBetween(0.18, 0.22);
    }

    @Test
    void the_answer_share_drifts_over_the_day_peaking_at_the_chosen_hour() {
        DebtorBehaviour drifting = DebtorBehaviour.defaults()
                .withDrift(new DailyDrift(0.5, java.time.LocalTime.of(18, 0), java.time.ZoneId.of("Europe/Prague")));
        assertThat(answerShare(drifting, java.time.LocalTime.of(18, 0))).isBetween(0.57, 0.63);
        assertThat(answerShare(drifting, java.time.LocalTime.of(6, 0))).isBetween(0.18, 0.22);
        assertThat(answerShare(drifting, java.time.LocalTime.of(12, 0))).isBetween(0.38, 0.42);
    }

    private static double answerShare(DebtorBehaviour debtors, java.time.LocalTime at) {
        Random random = new Random(5);
        int answered = 0;
        for (int i = 0; i < 20_000; i++) {
            if (debtors.react(random, NO_VARIABLES, at).outcome() == CallOutcome.ANSWER) {
                answered++;
            }
        }
        return answered / 20_000.0;
    }

    @Test
    void channel_variables_force_outcome_ring_and_talk_time() {
        ChannelVariables forced = new ChannelVariables(Map.of("force", "Machine", "RING", "2.5", "TALK", "7"));
        DebtorReaction reaction = DebtorBehaviour.defaults().react(new Random(9), forced);
        assertThat(reaction.outcome()).isEqualTo(CallOutcome.MACHINE);
        assertThat(reaction.ringTime()).isEqualTo(Duration.ofMillis(2500));
        assertThat(reaction.talkTime()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void forcing_one_call_does_not_shift_the_debtors_after_it() {
        Random plain = new Random(11);
        Random withForcedCall = new Random(11);
        DebtorBehaviour debtors = DebtorBehaviour.defaults();
        debtors.react(plain, NO_VARIABLES);
        debtors.react(withForcedCall, new ChannelVariables(Map.of("FORCE", "busy")));
        for (int i = 0; i < 100; i++) {
            assertThat(debtors.react(withForcedCall, NO_VARIABLES)).isEqualTo(debtors.react(plain, NO_VARIABLES));
        }
    }

    @Test
    void durations_stay_within_their_ranges() {
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            DebtorReaction reaction = DebtorBehaviour.defaults().react(random, NO_VARIABLES);
            assertThat(reaction.ringTime()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(20));
            assertThat(reaction.signallingDelay()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(2));
            if (reaction.outcome() == CallOutcome.ANSWER) {
                assertThat(reaction.talkTime()).isBetween(Duration.ofSeconds(20), Duration.ofMinutes(20));
            }
        }
    }

    @Test
    void exponential_talk_time_has_about_the_configured_mean() {
        DurationDistribution talk =
                DurationDistribution.exponential(Duration.ofMinutes(3), Duration.ZERO, Duration.ofHours(10));
        Random random = new Random(5);
        long totalMillis = 0;
        for (int i = 0; i < 20_000; i++) {
            totalMillis += talk.sample(random).toMillis();
        }
        assertThat(totalMillis / 20_000.0).isBetween(170_000.0, 190_000.0);
    }
}
