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
                            List<AgentOnFloor> agents, PacingOnFloor pacingDetail, FloorDetail detail) {

    public FloorSnapshot {
        casesByStatus = Map.copyOf(casesByStatus);
        endedByResult = Map.copyOf(endedByResult);
        agents = List.copyOf(agents);
        java.util.Objects.requireNonNull(pacingDetail, "pacingDetail");
        java.util.Objects.requireNonNull(detail, "detail");
    }

    /** A snapshot with the dialer's figures only. */
    public FloorSnapshot(Instant at, String campaignId, String pacing, long dialed, long callsInFlight,
                         long waitingCases, Map<String, Long> casesByStatus, Map<String, Long> endedByResult,
                         List<AgentOnFloor> agents, PacingOnFloor pacingDetail) {
        this(at, campaignId, pacing, dialed, callsInFlight, waitingCases, casesByStatus, endedByResult, agents,
                pacingDetail, FloorDetail.none());
    }

    public FloorSnapshot withDetail(FloorDetail newDetail) {
        return new FloorSnapshot(at, campaignId, pacing, dialed, callsInFlight, waitingCases, casesByStatus,
                endedByResult, agents, pacingDetail, newDetail);
    }

    public long agentsIn(String state) {
        return agents.stream().filter(a -> a.state().equals(state)).count();
    }

    /** Answered calls a machine picked up, when the dialer tells them apart (answering-machine detection). */
    public long machineAnswers() {
        return endedByResult.getOrDefault("MACHINE", 0L);
    }

    /** Calls a person answered: connected to an agent or abandoned. */
    public long humanAnswers() {
        return endedByResult.getOrDefault("ANSWERED", 0L) + endedByResult.getOrDefault("ABANDONED", 0L);
    }

    /** A snapshot whose pacing is known only by its name (progressive, no window kept). */
    public FloorSnapshot(Instant at, String campaignId, String pacing, long dialed, long callsInFlight,
                         long waitingCases, Map<String, Long> casesByStatus, Map<String, Long> endedByResult,
                         List<AgentOnFloor> agents) {
        this(at, campaignId, pacing, dialed, callsInFlight, waitingCases, casesByStatus, endedByResult, agents,
                new PacingOnFloor(pacing, pacing, 0, 0, 0, 0.03, "", "", ""));
    }

    /**
     * The campaign's pacing as the supervisor must see it: the mode set and the mode in force (they
     * differ while the abandon-rate governor holds the campaign progressive), calls in flight per
     * agent, and the compliance window's abandon rate against its cap.
     *
     * @param governorEngagedSince ISO instant, empty when the governor is not engaged
     */
    public record PacingOnFloor(String campaignMode, String modeInForce, double callsPerAgent, long abandonsInWindow,
                                long answeredInWindow, double abandonCap, String window, String governorEngagedSince,
                                String reason) {
        public double abandonRateInWindow() {
            return answeredInWindow == 0 ? 0 : abandonsInWindow / (double) answeredInWindow;
        }
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
