package dev.collector.strategies.comparison;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one case brought under the strategy it ran: the unit of the champion/challenger comparison.
 *
 * @param contacts      attempts that reached the debtor
 * @param cost          the cost of every action taken on the case
 */
public record CaseResult(
        String caseId,
        String segment,
        String strategy,
        boolean champion,
        int contacts,
        int promises,
        int promisesKept,
        BigDecimal collected,
        BigDecimal cost) {

    public CaseResult {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(collected, "collected");
        Objects.requireNonNull(cost, "cost");
    }

    public BigDecimal netRecovery() {
        return collected.subtract(cost);
    }
}
