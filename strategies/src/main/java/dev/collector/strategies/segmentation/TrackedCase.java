package dev.collector.strategies.segmentation;

import java.io.Serializable;
import java.util.Objects;

/**
 * A case as segmentation keeps it: its course so far and the strategy assignment in force.
 *
 * @param promiseAgent the agent who took the case's latest promise (payments are credited to him
 *                     in reports); empty when none
 */
public record TrackedCase(String caseId, String debtorId, String campaignId, CaseCourse course,
        StrategyAssignment assignment, String promiseAgent) implements Serializable {

    public TrackedCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(course, "course");
        debtorId = debtorId == null ? "" : debtorId;
        campaignId = campaignId == null ? "" : campaignId;
        promiseAgent = promiseAgent == null ? "" : promiseAgent;
    }

    /** For queries by debtor in a Hazelcast map (its reflection looks for a getter). */
    public String getDebtorId() {
        return debtorId;
    }
}
