package dev.collector.routing.roster;

import java.util.Objects;

/**
 * The call an agent has been given: which attempt, for which case, of which campaign (its wrap-up
 * time is the campaign's).
 */
public record Assignment(String attemptId, String caseId, String campaignId) {
    public Assignment {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(campaignId, "campaignId");
    }

    /** A call whose campaign does not matter to the roster: it gets the default wrap-up time. */
    public Assignment(String attemptId, String caseId) {
        this(attemptId, caseId, "");
    }
}
