package dev.collector.bench;

import java.util.Objects;

/**
 * One simulated campaign day. The human answer rate moves linearly from {@code answerRateStart} to
 * {@code answerRateEnd} over the day (equal for a stationary day). Of the calls not answered by a
 * person, {@code machineShare} reach an answering machine after the ring time (detected and hung up
 * at once); the rest ring out after {@code noAnswerTimeoutSeconds}.
 */
public record Scenario(
        String name,
        int agents,
        double answerRateStart,
        double answerRateEnd,
        double meanTalkSeconds,
        double wrapUpSeconds,
        double minRingToAnswerSeconds,
        double maxRingToAnswerSeconds,
        double noAnswerTimeoutSeconds,
        double machineShare,
        double abandonAfterSeconds,
        int daySeconds,
        double abandonCap,
        long seed) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        if (agents < 1) {
            throw new IllegalArgumentException("agents must be at least 1: " + agents);
        }
        if (noAnswerTimeoutSeconds < 15) {
            throw new IllegalArgumentException("noAnswerTimeoutSeconds must be at least 15 (FTC TSR): "
                    + noAnswerTimeoutSeconds);
        }
        if (maxRingToAnswerSeconds > noAnswerTimeoutSeconds || minRingToAnswerSeconds > maxRingToAnswerSeconds) {
            throw new IllegalArgumentException("need minRingToAnswerSeconds <= maxRingToAnswerSeconds <= "
                    + "noAnswerTimeoutSeconds");
        }
    }

    /** The reference assumptions of pacing.md: answer after 5-20 s, 25 s timeout, 20 s wrap-up, 8 h, 3 %. */
    public static Scenario of(int agents, double answerRateStart, double answerRateEnd, double meanTalkSeconds,
                              long seed) {
        String rate = answerRateStart == answerRateEnd
                ? pct(answerRateStart)
                : pct(answerRateStart) + "→" + pct(answerRateEnd);
        return new Scenario(agents + " agents, answer " + rate + ", talk " + (int) meanTalkSeconds + " s",
                agents, answerRateStart, answerRateEnd, meanTalkSeconds, 20, 5, 20, 25, 0.3, 2, 8 * 3600, 0.03,
                seed);
    }

    public Scenario lasting(int seconds) {
        return new Scenario(name, agents, answerRateStart, answerRateEnd, meanTalkSeconds, wrapUpSeconds,
                minRingToAnswerSeconds, maxRingToAnswerSeconds, noAnswerTimeoutSeconds, machineShare,
                abandonAfterSeconds, seconds, abandonCap, seed);
    }

    public boolean drifting() {
        return answerRateStart != answerRateEnd;
    }

    /** The human answer rate for a call placed at {@code second} of the day. */
    public double answerRateAt(double second) {
        return answerRateStart + (answerRateEnd - answerRateStart) * Math.min(1, second / daySeconds);
    }

    private static String pct(double share) {
        return Math.round(share * 100) + " %";
    }
}
