package dev.collector.routing.roster;

import dev.collector.domain.agent.Agent;
import java.time.Instant;
import java.util.Optional;

/**
 * An agent's state and since when. The assignment follows the agent from reservation until the
 * disposition is recorded, so a disposition can only be given for the agent's own call.
 *
 * @param dispositionRecorded whether the current call already has its disposition (agents may
 *                            record it while still talking)
 */
public record AgentStatus(Agent agent, AgentState state, Instant since, Optional<Assignment> assignment,
                          boolean dispositionRecorded) {

    static AgentStatus loggedOut(Agent agent, Instant now) {
        return new AgentStatus(agent, AgentState.LOGGED_OUT, now, Optional.empty(), false);
    }

    AgentStatus to(AgentState next, Instant now) {
        return new AgentStatus(agent, next, now, assignment, dispositionRecorded);
    }

    AgentStatus withoutCall(AgentState next, Instant now) {
        return new AgentStatus(agent, next, now, Optional.empty(), false);
    }

    public Optional<String> attemptId() {
        return assignment.map(Assignment::attemptId);
    }

    public String agentId() {
        return agent.agentId();
    }
}
