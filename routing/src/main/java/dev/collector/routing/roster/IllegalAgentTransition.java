package dev.collector.routing.roster;

/** An agent was asked to do something its state does not allow (e.g. go ready while on a call). */
public final class IllegalAgentTransition extends IllegalStateException {
    public IllegalAgentTransition(String agentId, AgentState from, String action) {
        super("agent " + agentId + " cannot " + action + " while " + from);
    }
}
