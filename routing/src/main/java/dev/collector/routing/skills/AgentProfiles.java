package dev.collector.routing.skills;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured profiles by agent id; an agent without one is {@link AgentProfile#unrestricted}. */
public final class AgentProfiles {

    private final Map<String, AgentProfile> byAgent;

    public AgentProfiles(Collection<AgentProfile> profiles) {
        this.byAgent = profiles.stream().collect(Collectors.toUnmodifiableMap(AgentProfile::agentId, Function.identity()));
    }

    public static AgentProfiles none() {
        return new AgentProfiles(java.util.List.of());
    }

    public AgentProfile of(String agentId) {
        AgentProfile profile = byAgent.get(agentId);
        return profile != null ? profile : AgentProfile.unrestricted(agentId);
    }
}
