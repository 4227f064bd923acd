package dev.collector.compliance.audit;

import dev.collector.compliance.guard.DialRequest;
import dev.collector.compliance.guard.Refusal;
import dev.collector.compliance.guard.Verdict;
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

    public static final String PERMITTED = "PERMITTED";
    public static final String REFUSED = "REFUSED";

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

    /**
     * The record of one verdict on one request.
     *
     * @param attemptId the attempt placed after a permit; ignored (empty text kept) for a refusal
     */
    public static AuditRecord of(DialRequest request, Verdict verdict, String attemptId) {
        Objects.requireNonNull(attemptId, "attemptId");
        var aCase = request.aCase();
        if (verdict instanceof Verdict.Permitted) {
            Verdict.Permitted permitted = (Verdict.Permitted) verdict;
            return new AuditRecord(request.now(), aCase.caseId(), aCase.debtor().debtorId(), aCase.campaignId(),
                    PERMITTED, permitted.phoneNumber(), attemptId, permitted.skipped());
        }
        Verdict.Refused refused = (Verdict.Refused) verdict;
        return new AuditRecord(request.now(), aCase.caseId(), aCase.debtor().debtorId(), aCase.campaignId(),
                REFUSED, "", "", refused.refusals());
    }
}
