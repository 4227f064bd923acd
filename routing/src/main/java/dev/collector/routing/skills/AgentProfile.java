package dev.collector.routing.skills;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What routing knows of an agent: role, languages, teams and the queues served, first the one he
 * is given calls from first (the priority of each queue for him).
 *
 * @param languages ISO 639-1 codes; empty means the agent is not restricted by language (an agent
 *                  configured before languages were, or a floor that speaks one language)
 * @param teams     empty means no team: such an agent takes no call of a campaign run by a team
 *                  except as overflow
 */
public record AgentProfile(String agentId, CollectorRole role, Set<String> languages, Set<String> teams,
                           List<WorkQueue> queues) {

    public AgentProfile {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(role, "role");
        languages = languages.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        teams = Set.copyOf(teams);
        queues = List.copyOf(queues);
        if (queues.isEmpty()) {
            throw new IllegalArgumentException("agent " + agentId + " serves no queue");
        }
        if (Set.copyOf(queues).size() != queues.size()) {
            throw new IllegalArgumentException("agent " + agentId + " lists a queue twice: " + queues);
        }
    }

    /** The queues a role serves unless configured: seniors every queue, hardest first; juniors the routine one. */
    public static List<WorkQueue> usualQueues(CollectorRole role) {
        return role == CollectorRole.SENIOR
                ? List.of(WorkQueue.SPECIAL, WorkQueue.SENIOR, WorkQueue.JUNIOR)
                : List.of(WorkQueue.JUNIOR);
    }

    /** An agent nothing was configured for: a senior serving every queue in any language, in no team. */
    public static AgentProfile unrestricted(String agentId) {
        return new AgentProfile(agentId, CollectorRole.SENIOR, Set.of(), Set.of(), usualQueues(CollectorRole.SENIOR));
    }

    public boolean speaks(String language) {
        return language.isEmpty() || languages.isEmpty() || languages.contains(language);
    }

    public boolean serves(WorkQueue queue) {
        return queues.contains(queue);
    }

    /** 0 for the queue the agent serves first. @throws IllegalArgumentException when not served */
    public int rankOf(WorkQueue queue) {
        int rank = queues.indexOf(queue);
        if (rank < 0) {
            throw new IllegalArgumentException(agentId + " does not serve " + queue);
        }
        return rank;
    }

    public boolean inTeam(String team) {
        return teams.contains(team);
    }
}
