package dev.collector.bench;

/** What one method achieved over one simulated day. */
public record DayResult(
        int agents,
        double daySeconds,
        double talkSeconds,
        long callsPlaced,
        long humanAnswered,
        long abandoned,
        long governedSeconds) {

    /** Agent talk seconds over logged-in seconds. */
    public double talkShare() {
        return talkSeconds / (agents * daySeconds);
    }

    /** Abandoned calls over calls answered by a person (abandoned ones included). */
    public double abandonRate() {
        return humanAnswered == 0 ? 0 : abandoned / (double) humanAnswered;
    }

    public double callsPerAgentHour() {
        return callsPlaced / (agents * daySeconds / 3600);
    }
}
