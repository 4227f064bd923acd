package dev.collector.dialer.campaign;

import dev.collector.domain.agent.Agent;
import dev.collector.domain.casework.Case;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.Assignment;
import java.time.Instant;
import java.util.Optional;

/** The roster's own choice: the agent ready the longest, the fairest push-mode choice. */
public final class LongestIdleAgent implements AgentChooser {

    private final AgentRoster roster;

    public LongestIdleAgent(AgentRoster roster) {
        this.roster = roster;
    }

    @Override
    public Optional<Agent> reserveFor(String attemptId, Case aCase, Optional<Instant> answeredAt) {
        return roster.reserveLongestIdle(new Assignment(attemptId, aCase.caseId(), aCase.campaignId()));
    }
}
