package dev.collector.compliance.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Guard decisions kept in memory: for tests and benchmarks, where the audit trail is not what is
 * being measured. Production keeps them in Cassandra (outcome-store).
 */
public final class InMemoryComplianceAudit implements ComplianceAudit {

    private final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized CompletionStage<Void> record(AuditRecord record) {
        records.add(record);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<List<AuditRecord>> decisionsOn(String caseId) {
        return CompletableFuture.completedFuture(records.stream().filter(r -> r.caseId().equals(caseId)).toList());
    }

    public synchronized List<AuditRecord> all() {
        return List.copyOf(records);
    }
}
