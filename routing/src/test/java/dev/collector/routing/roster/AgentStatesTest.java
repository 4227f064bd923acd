package dev.collector.routing.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collector.domain.agent.Agent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pause reasons, timed wrap-up per campaign, and the journal of every change. */
class AgentStatesTest {

    private final AgentRosterTest.MutableClock clock = new AgentRosterTest.MutableClock();
    private final AgentRoster roster = new AgentRoster(clock, List.of(new Agent("a1", "Anna", "Local/101@agents")),
            new WrapUpTimes(Duration.ofSeconds(30), Map.of("late-stage", Duration.ofSeconds(120))),
            new PauseReasons(new java.util.LinkedHashSet<>(List.of("BREAK", "TRAINING"))));

    @Test
    void anAgentPausesWithAReasonCodeAndMayChangeItButNotInventOne() {
        roster.logIn("a1");
        assertThat(roster.status("a1").orElseThrow().pauseReason()).contains(PauseReasons.NOT_READY);
        roster.ready("a1");
        clock.advance(Duration.ofMinutes(5));

        AgentStatus onBreak = roster.pause("a1", "BREAK");
        assertThat(onBreak.pauseReason()).contains("BREAK");
        clock.advance(Duration.ofMinutes(10));
        assertThat(roster.pause("a1", "TRAINING").pauseReason()).contains("TRAINING");
        assertThatThrownBy(() -> roster.pause("a1", "SMOKING")).isInstanceOf(IllegalArgumentException.class);
        assertThat(roster.ready("a1").pauseReason()).isEmpty();
    }

    @Test
    void wrapUpIsTimedByTheCampaignOfTheCall() {
        roster.logIn("a1");
        roster.ready("a1");
        roster.reserveLongestIdle(new Assignment("t1", "c1", "late-stage"));
        roster.connect("a1");
        clock.advance(Duration.ofMinutes(3));

        AgentStatus wrapping = roster.callEnded("a1");

        assertThat(wrapping.state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(wrapping.wrapUpEnds()).contains(clock.instant().plusSeconds(120));
        clock.advance(Duration.ofSeconds(119));
        assertThat(roster.overdueInWrapUp()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(roster.overdueInWrapUp()).extracting(AgentStatus::agentId).containsExactly("a1");
        // overdue is shown, not forced: the disposition still ends the wrap-up
        assertThat(roster.dispositionRecorded("a1").state()).isEqualTo(AgentState.READY);
        assertThat(roster.overdueInWrapUp()).isEmpty();
    }

    @Test
    void aCampaignWithoutItsOwnWrapUpTimeHasTheUsualOne() {
        roster.logIn("a1");
        roster.ready("a1");
        roster.reserveLongestIdle(new Assignment("t1", "c1", "early"));
        roster.connect("a1");
        assertThat(roster.callEnded("a1").wrapUpEnds()).contains(clock.instant().plusSeconds(30));
    }

    @Test
    void everyChangeIsJournalledWithItsTimeActionCallAndReason() {
        List<AgentTransition> heard = new java.util.ArrayList<>();
        roster.onTransition(heard::add);
        roster.logIn("a1");
        clock.advance(Duration.ofSeconds(1));
        roster.ready("a1");
        roster.reserveLongestIdle(new Assignment("t1", "c1"));
        roster.connect("a1");
        roster.callEnded("a1");
        roster.dispositionRecorded("a1");
        roster.pause("a1", "BREAK");
        roster.pause("a1", "BREAK"); // no change, no entry
        roster.logOut("a1");

        assertThat(roster.recentTransitions()).isEqualTo(heard);
        assertThat(heard).extracting(AgentTransition::to).containsExactly(AgentState.PAUSED, AgentState.READY,
                AgentState.RESERVED, AgentState.ON_CALL, AgentState.WRAP_UP, AgentState.READY, AgentState.PAUSED,
                AgentState.LOGGED_OUT);
        assertThat(heard.get(1).at()).isEqualTo(heard.get(0).at().plusSeconds(1));
        assertThat(heard.get(3).attemptId()).contains("t1");
        assertThat(heard.get(5).attemptId()).contains("t1");
        assertThat(heard.get(5).action()).isEqualTo("record a disposition");
        assertThat(heard.get(6).pauseReason()).contains("BREAK");
        assertThat(Set.copyOf(heard.stream().map(AgentTransition::agentId).toList())).containsExactly("a1");
        assertThat(heard.get(0).pauseReason()).isEqualTo(Optional.of(PauseReasons.NOT_READY));
    }
}
