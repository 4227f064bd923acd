package dev.collector.compliance.audit;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Where guard decisions are kept for good. Implemented over Cassandra in outcome-store. */
public interface ComplianceAudit {

    CompletionStage<Void> record(AuditRecord record);

    /** The case's decisions, oldest first. */
    CompletionStage<List<AuditRecord>> decisionsOn(String caseId);
}
