package dev.collector.console.supervisor;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a supervisor watches on the floor at one instant: call intensity of the campaign and the
 * state of every agent.
 *
 * @param endedByResult finished attempts by result name (ANSWERED, BUSY, NO_ANSWER...)
 * @param pacing        the dial mode and ratio in force, as a person reads it
 */
/**
 * @param casesByStatus the campaign's cases by where they stand (WAITING, SCHEDULED, LEASED, HELD, CLOSED)
 */
public record FloorSnapshot(Instant at, String campaignId, String pacing, long dialed, long callsInFlight,
                            long waitingCases, Map<String, Long> casesByStatus, Map<String, Long> endedByResult,
                            List<AgentOnFloor> agents) {

    public FloorSnapshot {
        casesByStatus = Map.copyOf(casesByStatus);
        endedByResult = Map.copyOf(endedByResult);
        agents = List.copyOf(agents);
    }

    public record AgentOnFloor(String agentId, String name, String state, Instant since) {
    }

    /** Share of debtors reached who heard no agent: the figure regulators cap at 3 %. */
    public double abandonRate() {
        long abandoned = endedByResult.getOrDefault("ABANDONED", 0L);
        long reached = abandoned + endedByResult.getOrDefault("ANSWERED", 0L);
        return reached == 0 ? 0 : (double) abandoned / reached;
    }

    public double answerRate() {
        long ended = endedByResult.values().stream().mapToLong(Long::longValue).sum();
        long reached = endedByResult.getOrDefault("ABANDONED", 0L) + endedByResult.getOrDefault("ANSWERED", 0L);
        return ended == 0 ? 0 : (double) reached / ended;
    }
}
