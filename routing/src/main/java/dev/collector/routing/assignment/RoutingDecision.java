package dev.collector.routing.assignment;

import dev.collector.domain.agent.Agent;
import dev.collector.routing.skills.WorkQueue;
import java.time.Instant;

/** What routing decided for one call. A closed set: the dialer acts on each differently. */
public sealed interface RoutingDecision {

    /** The agent is reserved for the call. */
    record Reserved(Agent agent, Route route, WorkQueue queue) implements RoutingDecision {
    }

    /**
     * Nobody reserved: the debtor waits for the agent he knows, who is about to be ready. Ask again
     * when that agent is ready or at {@code askAgainAt}, when the wait is over and the call goes to
     * whoever is ready.
     */
    record HoldFor(String agentId, Instant askAgainAt) implements RoutingDecision {
    }

    /** Nobody is ready. */
    record NobodyReady() implements RoutingDecision {
    }
}
