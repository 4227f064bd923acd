package dev.collector.routing.skills;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configured profiles by agent id; an agent without one is {@link AgentProfile#unrestricted}.
 * A supervisor may move an agent to other queues while he works ({@link #moveToQueues}): routing
 * reads the profile on every choice, so the move applies from the next call.
 */
public final class AgentProfiles {

    private final Map<String, AgentProfile> byAgent;

    public AgentProfiles(Collection<AgentProfile> profiles) {
        this.byAgent = new java.util.concurrent.ConcurrentHashMap<>(
                profiles.stream().collect(Collectors.toMap(AgentProfile::agentId, Function.identity())));
    }

    /**
     * The agent serves these queues from now on, the first first; role, languages and teams stay.
     *
     * @return the agent's new profile
     * @throws IllegalArgumentException for no queue or a queue listed twice
     */
    public AgentProfile moveToQueues(String agentId, java.util.List<WorkQueue> queues) {
        return byAgent.compute(agentId, (id, old) -> {
            AgentProfile current = old != null ? old : AgentProfile.unrestricted(id);
            return new AgentProfile(id, current.role(), current.languages(), current.teams(), queues);
        });
    }

    public static AgentProfiles none() {
        return new AgentProfiles(java.util.List.of());
    }

    public AgentProfile of(String agentId) {
        AgentProfile profile = byAgent.get(agentId);
        return profile != null ? profile : AgentProfile.unrestricted(agentId);
    }
}
