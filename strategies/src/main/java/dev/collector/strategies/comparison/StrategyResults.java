package dev.collector.strategies.comparison;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One strategy's results in one segment, and (for a challenger) how its net recovery per case
 * differs from the champion's.
 *
 * @param netPerCase        mean of (collected - cost) over the strategy's cases
 * @param differenceVsChampion this strategy's mean net recovery per case minus the champion's, with
 *                          its confidence interval; empty for the champion itself or when either
 *                          side has fewer than two cases
 */
public record StrategyResults(
        String segment,
        String strategy,
        boolean champion,
        int cases,
        long contacts,
        long promises,
        long promisesKept,
        BigDecimal collected,
        BigDecimal cost,
        double netPerCase,
        double netStandardDeviation,
        Optional<Difference> differenceVsChampion) {

    /**
     * @param confidence the interval's level, e.g. 0.95
     * @param degreesOfFreedom Welch–Satterthwaite
     */
    public record Difference(double estimate, double low, double high, double confidence, double degreesOfFreedom) {
        /** Whether the interval excludes zero: the difference is significant at this level. */
        public boolean significant() {
            return low > 0 || high < 0;
        }
    }
}
