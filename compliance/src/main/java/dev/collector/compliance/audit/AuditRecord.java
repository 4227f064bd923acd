package dev.collector.compliance.audit;

import dev.collector.compliance.guard.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Proof of one guard decision, kept for the regulator: who, when, which number, and every rule
 * that refused (also the numbers skipped before a permitted one).
 *
 * @param decision {@code PERMITTED} or {@code REFUSED}
 * @param phoneNumber the number dialed when permitted, else empty text
 * @param attemptId the attempt that followed a permit, else empty text
 */
public record AuditRecord(
        Instant at,
        String caseId,
        String debtorId,
        String campaignId,
        String decision,
        String phoneNumber,
        String attemptId,
        List<Refusal> refusals) {

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(debtorId, "debtorId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(attemptId, "attemptId");
        refusals = List.copyOf(refusals);
    }
}
