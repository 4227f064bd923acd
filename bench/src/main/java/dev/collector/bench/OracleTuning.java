package dev.collector.bench;

import dev.collector.dialer.pacing.FixedDialLevel;

/**
 * The oracle-tuned fixed ratio: with hindsight of the whole day, the highest fixed dial level whose
 * day stays at or under the cap, searched by bisection on the same debtors the other methods meet.
 */
final class OracleTuning {

    private static final int STEPS = 12;

    record Tuned(double level, DayResult result) {
    }

    private OracleTuning() {
    }

    static Tuned tune(Scenario scenario) {
        double low = 1.0;
        DayResult atLow = DaySimulation.run(scenario, Pacer.of(new FixedDialLevel(low)));
        if (atLow.abandonRate() > scenario.abandonCap()) {
            return new Tuned(low, atLow);
        }
        Tuned best = new Tuned(low, atLow);
        double high = 3.0;
        for (int step = 0; step < STEPS; step++) {
            double mid = (low + high) / 2;
            DayResult result = DaySimulation.run(scenario, Pacer.of(new FixedDialLevel(mid)));
            if (result.abandonRate() <= scenario.abandonCap()) {
                low = mid;
                if (result.talkShare() > best.result().talkShare()) {
                    best = new Tuned(mid, result);
                }
            } else {
                high = mid;
            }
        }
        return best;
    }
}
