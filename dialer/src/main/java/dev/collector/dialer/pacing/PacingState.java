package dev.collector.dialer.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything pacing may look at, observed at one instant for one campaign.
 *
 * @param now                   the instant of observation
 * @param agentsLoggedIn        agents logged in to the campaign
 * @param agentsFree            agents ready and not reserved for a call
 * @param busyAgents            the other agents, talking or in wrap-up, with the time spent so far;
 *                              {@code agentsFree + busyAgents.size() == agentsLoggedIn}
 * @param handlingTimes         observed talk and wrap-up times
 * @param ringing               for each call placed and not yet answered, how long it has been ringing
 * @param callsWaitingForAgent  answered by a person, no agent connected yet (the 2-second rule runs)
 * @param humanAnswerRate       observed share of placed calls answered by a person
 * @param answerSampleSize      number of resolved calls that share was measured on
 * @param meanRingToAnswer      observed mean time from placing a call to a person's answer
 * @param noAnswerTimeout       how long an unanswered call rings before it is given up
 * @param abandonsInWindow      abandoned calls in the compliance window (e.g. 30 days, 24 hours)
 * @param answeredInWindow      calls answered by a person in the same window
 * @param abandonCap            the campaign's cap on abandons per person-answered call, e.g. 0.03
 * @param governorEngaged       whether the previous decision had the abandon-rate governor engaged
 */
public record PacingState(
        Instant now,
        int agentsLoggedIn,
        int agentsFree,
        List<BusyAgent> busyAgents,
        HandlingTimes handlingTimes,
        List<Duration> ringing,
        int callsWaitingForAgent,
        double humanAnswerRate,
        long answerSampleSize,
        Duration meanRingToAnswer,
        Duration noAnswerTimeout,
        long abandonsInWindow,
        long answeredInWindow,
        double abandonCap,
        boolean governorEngaged) {

    public PacingState {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(handlingTimes, "handlingTimes");
        Objects.requireNonNull(meanRingToAnswer, "meanRingToAnswer");
        Objects.requireNonNull(noAnswerTimeout, "noAnswerTimeout");
        busyAgents = List.copyOf(Objects.requireNonNull(busyAgents, "busyAgents"));
        ringing = List.copyOf(Objects.requireNonNull(ringing, "ringing"));
        requireNotNegative(agentsLoggedIn, "agentsLoggedIn");
        requireNotNegative(agentsFree, "agentsFree");
        requireNotNegative(callsWaitingForAgent, "callsWaitingForAgent");
        requireNotNegative(answerSampleSize, "answerSampleSize");
        requireNotNegative(abandonsInWindow, "abandonsInWindow");
        requireNotNegative(answeredInWindow, "answeredInWindow");
        if (agentsFree + busyAgents.size() != agentsLoggedIn) {
            throw new IllegalArgumentException("agentsFree (" + agentsFree + ") + busyAgents (" + busyAgents.size()
                    + ") must equal agentsLoggedIn (" + agentsLoggedIn + ")");
        }
        if (!(humanAnswerRate >= 0 && humanAnswerRate <= 1)) {
            throw new IllegalArgumentException("humanAnswerRate must be within [0, 1]: " + humanAnswerRate);
        }
        if (!(abandonCap > 0 && abandonCap < 1)) {
            throw new IllegalArgumentException("abandonCap must be within (0, 1): " + abandonCap);
        }
        if (meanRingToAnswer.isNegative() || meanRingToAnswer.isZero()) {
            throw new IllegalArgumentException("meanRingToAnswer must be positive: " + meanRingToAnswer);
        }
    }

    /** Calls ringing now, not yet answered. */
    public int callsRinging() {
        return ringing.size();
    }

    /** Agents in conversation with a debtor now. */
    public int agentsTalking() {
        return (int) busyAgents.stream().filter(a -> a.phase() == BusyAgent.Phase.TALKING).count();
    }

    /**
     * The window's abandon rate, its denominator floored at {@code minAnswered} so that the first
     * answers of a window cannot swing it (one abandon among five answers is not a 20 % rate yet).
     */
    public double abandonRate(long minAnswered) {
        return abandonsInWindow / (double) Math.max(Math.max(answeredInWindow, minAnswered), 1);
    }

    private static void requireNotNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative: " + value);
        }
    }
}
