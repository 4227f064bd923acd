package dev.collector.app.config;

import dev.collector.routing.assignment.RoutingSettings;
import dev.collector.routing.roster.PauseReasons;
import dev.collector.routing.roster.WrapUpTimes;
import dev.collector.routing.skills.AgentProfile;
import dev.collector.routing.skills.QueueRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who gets which call, and what agents may do: profiles (role, languages, teams, queues), queue
 * rules, affinity and callback routing, wrap-up times, pause reasons, and the agents' login PINs
 * (SHA-256 digests; an agent without one logs in with his id alone, as in the demo).
 */
public record RoutingConfig(List<AgentProfile> profiles, QueueRules queues, RoutingSettings settings,
                            WrapUpTimes wrapUpTimes, PauseReasons pauseReasons, Map<String, String> pinDigests) {

    public RoutingConfig {
        profiles = List.copyOf(profiles);
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(wrapUpTimes, "wrapUpTimes");
        Objects.requireNonNull(pauseReasons, "pauseReasons");
        pinDigests = Map.copyOf(pinDigests);
    }
}
