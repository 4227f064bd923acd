package dev.collector.bench;

import dev.collector.dialer.pacing.FixedDialLevel;
import java.util.function.DoubleFunction;

/**
 * Tuning with hindsight: the highest setting in {@code [1, 3]} whose day stays at or under the cap,
 * searched by bisection on the same debtors the other methods meet. Used for the oracle-tuned fixed
 * ratio (the setting is the dial level) and for the VICIdial baseline as an operator who wants to
 * comply would set it (the setting is its adaptive maximum level). Knowing the day in advance is
 * more than any operator can: the tuned methods are the strongest versions of themselves.
 */
final class OracleTuning {

    private static final int STEPS = 12;
    private static final double LOWEST = 1.0;
    private static final double HIGHEST = 3.0;

    record Tuned(double level, DayResult result) {
    }

    private OracleTuning() {
    }

    static Tuned tune(Scenario scenario) {
        return tune(scenario, level -> Pacer.of(new FixedDialLevel(level)));
    }

    /** @param pacerAt a fresh pacer for one day at the given setting (pacers may keep state) */
    static Tuned tune(Scenario scenario, DoubleFunction<Pacer> pacerAt) {
        double low = LOWEST;
        DayResult atLow = DaySimulation.run(scenario, pacerAt.apply(low));
        if (atLow.abandonRate() > scenario.abandonCap()) {
            return new Tuned(low, atLow);
        }
        Tuned best = new Tuned(low, atLow);
        double high = HIGHEST;
        for (int step = 0; step < STEPS; step++) {
            double mid = (low + high) / 2;
            DayResult result = DaySimulation.run(scenario, pacerAt.apply(mid));
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
