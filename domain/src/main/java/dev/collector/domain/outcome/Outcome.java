package dev.collector.domain.outcome;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's disposition of one answered call attempt. One outcome per attempt: the attempt id is
 * also the outcome's identity, so a resent disposition overwrites rather than doubles.
 */
public record Outcome(
        String attemptId,
        String caseId,
        String campaignId,
        String debtorId,
        String agentId,
        Disposition disposition,
        String notes,
        Instant recordedAt) {

    public Outcome {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(debtorId, "debtorId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
