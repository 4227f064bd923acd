package dev.collector.outcomes.audit;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import dev.collector.compliance.audit.AuditRecord;
import dev.collector.compliance.audit.ComplianceAudit;
import dev.collector.compliance.guard.Refusal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link ComplianceAudit} over table {@code compliance_audit_by_case} of migration V002. Calls
 * return at once with a {@link CompletionStage} that completes on a driver I/O thread (in Vert.x,
 * hop back to your context; never block in a callback).
 *
 * <p>Recording is idempotent: the row's key is derived from the record's content (see
 * {@link #decisionId}), so a retried or re-sent record overwrites its own row and the driver may
 * retry it. Times are stored to the millisecond: {@code at} and each refusal's {@code lapsesAt}
 * read back truncated to milliseconds; {@link Instant#MAX} (a lasting refusal) reads back as
 * {@link Instant#MAX}.
 */
public final class CassandraComplianceAudit implements ComplianceAudit {

    /** Rows per page on reads: a long-worked case arrives in moderate frames. */
    static final int PAGE_SIZE = 500;

    /** 100-ns intervals from the start of the Gregorian calendar (a v1 uuid's epoch) to 1970. */
    private static final long GREGORIAN_TO_UNIX_EPOCH = 0x01B21DD213814000L;

    private static final String COLUMNS =
            "case_id, decided_at, decision_id, debtor_id, campaign_id, decision, phone_number, attempt_id, refusals";

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement selectByCase;
    private final UserDefinedType refusalType;

    private CassandraComplianceAudit(CqlSession session, PreparedStatement insert, PreparedStatement selectByCase) {
        this.session = session;
        this.insert = insert;
        this.selectByCase = selectByCase;
        DataType refusals = insert.getVariableDefinitions().get("refusals").getType();
        this.refusalType = (UserDefinedType) ((ListType) refusals).getElementType();
    }

    /**
     * Prepares the statements against a keyspace whose migrations are applied. Blocks for a few
     * round trips: call it at startup.
     */
    public static CassandraComplianceAudit prepare(CqlSession session, CqlIdentifier keyspace) {
        Objects.requireNonNull(session, "session");
        String ks = Objects.requireNonNull(keyspace, "keyspace").asCql(true) + ".";
        return new CassandraComplianceAudit(session,
                session.prepare("INSERT INTO " + ks + "compliance_audit_by_case (" + COLUMNS + ") VALUES "
                        + "(:case_id, :decided_at, :decision_id, :debtor_id, :campaign_id, :decision, :phone_number, "
                        + ":attempt_id, :refusals)"),
                session.prepare("SELECT " + COLUMNS + " FROM " + ks
                        + "compliance_audit_by_case WHERE case_id = :case_id"));
    }

    @Override
    public CompletionStage<Void> record(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        if (record.caseId().isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("caseId must not be blank"));
        }
        try {
            List<UdtValue> refusals = new ArrayList<>(record.refusals().size());
            for (Refusal refusal : record.refusals()) {
                refusals.add(refusalType.newValue()
                        .setString("rule", refusal.rule())
                        .setString("phone_number", refusal.phoneNumber())
                        .setString("explanation", refusal.explanation())
                        .setInstant("lapses_at", refusal.lasting() ? null : refusal.lapsesAt()));
            }
            return session.executeAsync(insert.boundStatementBuilder()
                            .setString("case_id", record.caseId())
                            .setInstant("decided_at", record.at())
                            .setUuid("decision_id", decisionId(record))
                            .setString("debtor_id", record.debtorId())
                            .setString("campaign_id", record.campaignId())
                            .setString("decision", record.decision())
                            .setString("phone_number", record.phoneNumber())
                            .setString("attempt_id", record.attemptId())
                            .setList("refusals", refusals, UdtValue.class)
                            .setIdempotence(true)
                            .build())
                    .thenApply(rs -> null);
        } catch (RuntimeException e) {
            // an instant outside a timestamp's range fails while binding: report it through the stage
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "audit record of case " + record.caseId() + " cannot be stored: " + e.getMessage(), e));
        }
    }

    @Override
    public CompletionStage<List<AuditRecord>> decisionsOn(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        List<AuditRecord> out = new ArrayList<>();
        return session.executeAsync(selectByCase.boundStatementBuilder()
                        .setString("case_id", caseId).setPageSize(PAGE_SIZE).setIdempotence(true).build())
                .thenCompose(rs -> drain(rs, out))
                .thenApply(List::copyOf);
    }

    /**
     * The row's clustering id: a version-1 (time-based) uuid whose time is {@code record.at()} to
     * 100 ns and whose other 62 bits hash the whole record. The same record always gets the same id
     * (re-sending is harmless); decisions within one millisecond keep their order.
     */
    static UUID decisionId(AuditRecord record) {
        Instant at = record.at();
        long ticks;
        try {
            ticks = Math.addExact(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 10_000_000L),
                    at.getNano() / 100), GREGORIAN_TO_UNIX_EPOCH);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("at " + at + " is outside a time-based uuid's range", e);
        }
        if (ticks < 0 || ticks >= 1L << 60) {
            throw new IllegalArgumentException("at " + at + " is outside a time-based uuid's range");
        }
        long msb = (ticks & 0xFFFF_FFFFL) << 32 | ((ticks >>> 32) & 0xFFFFL) << 16 | 0x1000L | (ticks >>> 48) & 0x0FFFL;
        long lsb = (hash(record) & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
        return new UUID(msb, lsb);
    }

    private static long hash(AuditRecord record) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        // length-prefixed fields: ("ab", "c") and ("a", "bc") must not hash alike
        for (String field : List.of(record.caseId(), record.debtorId(), record.campaignId(), record.decision(),
                record.phoneNumber(), record.attemptId())) {
            update(sha, field);
        }
        sha.update(ByteBuffer.allocate(12).putLong(record.at().getEpochSecond()).putInt(record.at().getNano()).array());
        for (Refusal refusal : record.refusals()) {
            update(sha, refusal.rule());
            update(sha, refusal.phoneNumber());
            update(sha, refusal.explanation());
            update(sha, refusal.lapsesAt().toString());
        }
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    private static void update(MessageDigest sha, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static AuditRecord recordFrom(Row row) {
        List<Refusal> refusals = new ArrayList<>();
        for (UdtValue refusal : row.getList("refusals", UdtValue.class)) {
            Instant lapsesAt = refusal.getInstant("lapses_at");
            refusals.add(new Refusal(refusal.getString("rule"), refusal.getString("phone_number"),
                    refusal.getString("explanation"), lapsesAt == null ? Instant.MAX : lapsesAt));
        }
        return new AuditRecord(
                row.getInstant("decided_at"),
                row.getString("case_id"),
                row.getString("debtor_id"),
                row.getString("campaign_id"),
                row.getString("decision"),
                row.getString("phone_number"),
                row.getString("attempt_id"),
                refusals);
    }

    /** Reads every page without blocking: the next page is fetched when the previous one is consumed. */
    private static CompletionStage<List<AuditRecord>> drain(AsyncResultSet rs, List<AuditRecord> out) {
        for (Row row : rs.currentPage()) {
            out.add(recordFrom(row));
        }
        return rs.hasMorePages()
                ? rs.fetchNextPage().thenCompose(next -> drain(next, out))
                : CompletableFuture.completedFuture(out);
    }
}
