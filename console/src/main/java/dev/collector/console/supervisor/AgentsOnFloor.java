package dev.collector.console.supervisor;

import dev.collector.routing.roster.AgentRoster;
import java.util.List;

/** The roster as the supervisor wall lists it. */
public final class AgentsOnFloor {

    private AgentsOnFloor() {
    }

    public static List<FloorSnapshot.AgentOnFloor> of(AgentRoster roster) {
        return roster.statuses().stream()
                .map(s -> new FloorSnapshot.AgentOnFloor(s.agentId(), s.agent().name(), s.state().name(), s.since()))
                .toList();
    }
}
