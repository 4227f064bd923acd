package dev.collector.pbx.world;

import java.util.Random;

/**
 * Relative weights of the debtor outcomes. The defaults are those of the capture's dialplan:
 * 40 % answer, 10 % answering machine, 15 % busy, 15 % congestion, 20 % no answer.
 */
public record OutcomeShares(int answer, int machine, int busy, int congestion, int noAnswer) {

    public OutcomeShares {
        requireNotNegative(answer, "answer");
        requireNotNegative(machine, "machine");
        requireNotNegative(busy, "busy");
        requireNotNegative(congestion, "congestion");
        requireNotNegative(noAnswer, "noAnswer");
        if (answer + machine + busy + congestion + noAnswer == 0) {
            throw new IllegalArgumentException("at least one outcome share must be positive");
        }
    }

    public static OutcomeShares captureDialplan() {
        return new OutcomeShares(40, 10, 15, 15, 20);
    }

    /** Everybody answers: handy for tests of the agent side. */
    public static OutcomeShares always(CallOutcome outcome) {
        return new OutcomeShares(
                outcome == CallOutcome.ANSWER ? 1 : 0,
                outcome == CallOutcome.MACHINE ? 1 : 0,
                outcome == CallOutcome.BUSY ? 1 : 0,
                outcome == CallOutcome.CONGESTION ? 1 : 0,
                outcome == CallOutcome.NO_ANSWER ? 1 : 0);
    }

    CallOutcome pick(Random random) {
        int roll = random.nextInt(answer + machine + busy + congestion + noAnswer);
        if ((roll -= answer) < 0) {
            return CallOutcome.ANSWER;
        }
        if ((roll -= machine) < 0) {
            return CallOutcome.MACHINE;
        }
        if ((roll -= busy) < 0) {
            return CallOutcome.BUSY;
        }
        if (roll - congestion < 0) {
            return CallOutcome.CONGESTION;
        }
        return CallOutcome.NO_ANSWER;
    }

    /**
     * As {@link #pick(Random)} with the answer share scaled by {@code answerFactor} and the
     * no-answer share taking up the difference (a drifting day), the others as they are.
     */
    CallOutcome pick(Random random, double answerFactor) {
        double scaledAnswer = answer * answerFactor;
        double scaledNoAnswer = Math.max(0, noAnswer + answer - scaledAnswer);
        double roll = random.nextDouble() * (scaledAnswer + machine + busy + congestion + scaledNoAnswer);
        if ((roll -= scaledAnswer) < 0) {
            return CallOutcome.ANSWER;
        }
        if ((roll -= machine) < 0) {
            return CallOutcome.MACHINE;
        }
        if ((roll -= busy) < 0) {
            return CallOutcome.BUSY;
        }
        if (roll - congestion < 0) {
            return CallOutcome.CONGESTION;
        }
        return CallOutcome.NO_ANSWER;
    }

    private static void requireNotNegative(int share, String field) {
        if (share < 0) {
            throw new IllegalArgumentException(field + " share must not be negative: " + share);
        }
    }
}
