package dev.collector.strategies.segmentation;

import java.io.Serializable;
import java.util.Objects;

/**
 * A case as segmentation keeps it: its course so far and the strategy assignment in force.
 *
 * @param promiseAgent the agent who took the case's latest promise (payments are credited to him
 *                     in reports); empty when none
 * @param revision     how many changes made it (1 for the first): a change is kept only over the
 *                     revision it was computed from, so two members changing one case at once
 *                     cannot lose either change ({@link TrackedCases#replace})
 */
public record TrackedCase(String caseId, String debtorId, String campaignId, CaseCourse course,
        StrategyAssignment assignment, String promiseAgent, long revision) implements Serializable {

    public TrackedCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(course, "course");
        debtorId = debtorId == null ? "" : debtorId;
        campaignId = campaignId == null ? "" : campaignId;
        promiseAgent = promiseAgent == null ? "" : promiseAgent;
    }

    /** A first revision (or a case as it would be tracked, not stored yet). */
    public TrackedCase(String caseId, String debtorId, String campaignId, CaseCourse course,
            StrategyAssignment assignment, String promiseAgent) {
        this(caseId, debtorId, campaignId, course, assignment, promiseAgent, 0);
    }

    /** The same case, one revision after {@code before} (absent: the first). */
    public TrackedCase after(TrackedCase before) {
        return new TrackedCase(caseId, debtorId, campaignId, course, assignment, promiseAgent,
                before == null ? 1 : before.revision() + 1);
    }

    /** For queries by debtor in a Hazelcast map (its reflection looks for a getter). */
    public String getDebtorId() {
        return debtorId;
    }
}
