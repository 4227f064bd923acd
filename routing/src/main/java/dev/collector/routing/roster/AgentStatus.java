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
 * @param pauseReason         while PAUSED, why (a code of {@link PauseReasons})
 * @param wrapUpEnds          while in WRAP_UP, when the campaign's wrap-up time runs out; after it
 *                            the agent is overdue (shown to the agent and the supervisor)
 */
public record AgentStatus(Agent agent, AgentState state, Instant since, Optional<Assignment> assignment,
                          boolean dispositionRecorded, Optional<String> pauseReason,
                          Optional<Instant> wrapUpEnds) {

    public AgentStatus(Agent agent, AgentState state, Instant since, Optional<Assignment> assignment,
                       boolean dispositionRecorded) {
        this(agent, state, since, assignment, dispositionRecorded, Optional.empty(), Optional.empty());
    }

    static AgentStatus loggedOut(Agent agent, Instant now) {
        return new AgentStatus(agent, AgentState.LOGGED_OUT, now, Optional.empty(), false);
    }

    AgentStatus to(AgentState next, Instant now) {
        return new AgentStatus(agent, next, now, assignment, dispositionRecorded);
    }

    AgentStatus withoutCall(AgentState next, Instant now) {
        return new AgentStatus(agent, next, now, Optional.empty(), false);
    }

    AgentStatus paused(String reason, Instant now) {
        return new AgentStatus(agent, AgentState.PAUSED, now, Optional.empty(), false, Optional.of(reason),
                Optional.empty());
    }

    AgentStatus wrappingUpUntil(Instant now, Instant ends) {
        return new AgentStatus(agent, AgentState.WRAP_UP, now, assignment, dispositionRecorded, Optional.empty(),
                Optional.of(ends));
    }

    AgentStatus withDispositionRecorded() {
        return new AgentStatus(agent, state, since, assignment, true, pauseReason, wrapUpEnds);
    }

    public Optional<String> attemptId() {
        return assignment.map(Assignment::attemptId);
    }

    public String agentId() {
        return agent.agentId();
    }

    /**
     * Will be ready in a moment without anyone's decision: the call is over or its outcome is in,
     * only the disposition or the hang-up is missing. Routing may hold a debtor for such an agent.
     */
    public boolean aboutToBeReady() {
        return state == AgentState.WRAP_UP || (state == AgentState.ON_CALL && dispositionRecorded);
    }
}
