package dev.collector.routing.roster;

/** No agent with this id is configured on this node. */
public final class UnknownAgent extends IllegalArgumentException {
    public UnknownAgent(String agentId) {
        super("unknown agent " + agentId);
    }
}
