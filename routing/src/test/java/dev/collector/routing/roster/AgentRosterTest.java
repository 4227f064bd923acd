package dev.collector.routing.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collector.domain.agent.Agent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentRosterTest {

    private final MutableClock clock = new MutableClock();
    private final AgentRoster roster = new AgentRoster(clock, List.of(
            new Agent("a1", "Anna", "Local/101@agents"),
            new Agent("a2", "Boris", "Local/102@agents")));

    @Test
    void loggingInLeavesTheAgentPausedUntilTheyGoReady() {
        assertThat(roster.logIn("a1").state()).isEqualTo(AgentState.PAUSED);
        assertThat(roster.reserveLongestIdle(new Assignment("t1", "c1"))).isEmpty();
        assertThat(roster.ready("a1").state()).isEqualTo(AgentState.READY);
    }

    @Test
    void theLongestIdleReadyAgentIsReservedFirst() {
        roster.logIn("a2");
        roster.ready("a2");
        clock.advance(Duration.ofSeconds(5));
        roster.logIn("a1");
        roster.ready("a1");

        assertThat(roster.reserveLongestIdle(new Assignment("t1", "c1"))).map(Agent::agentId).contains("a2");
        assertThat(roster.reserveLongestIdle(new Assignment("t2", "c2"))).map(Agent::agentId).contains("a1");
        assertThat(roster.reserveLongestIdle(new Assignment("t3", "c3"))).isEmpty();
    }

    @Test
    void anAgentGoesThroughCallWrapUpAndBackToReady() {
        List<AgentState> seen = new ArrayList<>();
        roster.onChange(s -> seen.add(s.state()));
        roster.logIn("a1");
        roster.ready("a1");
        roster.reserveLongestIdle(new Assignment("t1", "c1"));
        roster.connect("a1");
        roster.callEnded("a1");
        assertThat(roster.status("a1").orElseThrow().attemptId()).contains("t1");
        roster.dispositionRecorded("a1");

        assertThat(seen).containsExactly(AgentState.PAUSED, AgentState.READY, AgentState.RESERVED,
                AgentState.ON_CALL, AgentState.WRAP_UP, AgentState.READY);
        assertThat(roster.status("a1").orElseThrow().attemptId()).isEmpty();
    }

    @Test
    void aDispositionGivenDuringTheCallSkipsWrapUp() {
        roster.logIn("a1");
        roster.ready("a1");
        roster.reserveLongestIdle(new Assignment("t1", "c1"));
        roster.connect("a1");
        roster.dispositionRecorded("a1");

        assertThat(roster.callEnded("a1").state()).isEqualTo(AgentState.READY);
    }

    @Test
    void aFailedCallReleasesTheReservedAgent() {
        roster.logIn("a1");
        roster.ready("a1");
        roster.reserveLongestIdle(new Assignment("t1", "c1"));

        assertThat(roster.release("a1").state()).isEqualTo(AgentState.READY);
    }

    @Test
    void anAgentOnACallCannotGoReadyOrLogOut() {
        roster.logIn("a1");
        roster.ready("a1");
        roster.reserveLongestIdle(new Assignment("t1", "c1"));
        roster.connect("a1");

        assertThatThrownBy(() -> roster.ready("a1")).isInstanceOf(IllegalAgentTransition.class)
                .hasMessageContaining("ON_CALL");
        assertThatThrownBy(() -> roster.logOut("a1")).isInstanceOf(IllegalAgentTransition.class);
        assertThatThrownBy(() -> roster.logIn("nobody")).isInstanceOf(UnknownAgent.class);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
