package dev.collector.outcomes.audit;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import dev.collector.domain.access.AccessAudit;
import dev.collector.domain.access.DataAccess;
import dev.collector.domain.access.Role;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AccessAudit} over the tables of migration V011: each record is one row in
 * {@code data_access_by_case} (when it names a case) and one in {@code data_access_by_principal}.
 * Writes go out asynchronously and are not waited for; at most {@link #MAX_IN_FLIGHT} records are
 * on their way at once, so that a slow or absent Cassandra costs memory no more than that. A
 * record that fails or finds the limit reached is dropped and counted, never retried: the read it
 * records has happened already and must not wait for its trail.
 */
public final class CassandraAccessAudit implements AccessAudit {

    /** Records on their way to Cassandra at once; more are dropped (a read never waits for the audit). */
    static final int MAX_IN_FLIGHT = 2048;
    private static final int PAGE_SIZE = 500;
    private static final Logger log = LoggerFactory.getLogger(CassandraAccessAudit.class);

    private final CqlSession session;
    private final PreparedStatement insertByCase;
    private final PreparedStatement insertByPrincipal;
    private final PreparedStatement selectByCase;
    private final PreparedStatement selectByPrincipal;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    private CassandraAccessAudit(CqlSession session, String ks) {
        this.session = session;
        this.insertByCase = session.prepare("INSERT INTO " + ks + "data_access_by_case (case_id, accessed_at,"
                + " access_id, role, principal, action, detail) VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.insertByPrincipal = session.prepare("INSERT INTO " + ks + "data_access_by_principal (role, principal,"
                + " day, accessed_at, access_id, action, case_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.selectByCase = session.prepare("SELECT accessed_at, role, principal, action, detail FROM " + ks
                + "data_access_by_case WHERE case_id = ?");
        this.selectByPrincipal = session.prepare("SELECT accessed_at, action, case_id, detail FROM " + ks
                + "data_access_by_principal WHERE role = ? AND principal = ? AND day = ?");
    }

    /** Prepares the statements against a keyspace whose migrations are applied; blocks: call it at startup. */
    public static CassandraAccessAudit prepare(CqlSession session, CqlIdentifier keyspace) {
        Objects.requireNonNull(session, "session");
        return new CassandraAccessAudit(session, Objects.requireNonNull(keyspace, "keyspace").asCql(true) + ".");
    }

    @Override
    public void record(DataAccess access) {
        Objects.requireNonNull(access, "access");
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            inFlight.decrementAndGet();
            drop(access, "too many audit writes waiting for Cassandra");
            return;
        }
        CompletableFuture<?> stored;
        try {
            UUID accessId = Uuids.startOf(access.at().toEpochMilli());
            // a random clock sequence and node part, so that two reads in one millisecond are two rows
            accessId = new UUID(accessId.getMostSignificantBits(), Uuids.random().getLeastSignificantBits());
            LocalDate day = access.at().atZone(ZoneOffset.UTC).toLocalDate();
            CompletableFuture<AsyncResultSet> byPrincipal = session.executeAsync(insertByPrincipal.bind(
                    access.role().name(), access.principal(), day, access.at(), accessId, access.action(),
                    access.caseId(), access.detail()).setIdempotent(true)).toCompletableFuture();
            stored = access.caseId().isEmpty() ? byPrincipal : CompletableFuture.allOf(byPrincipal,
                    session.executeAsync(insertByCase.bind(access.caseId(), access.at(), accessId,
                            access.role().name(), access.principal(), access.action(), access.detail())
                            .setIdempotent(true)).toCompletableFuture());
        } catch (RuntimeException e) {
            // a closed session or an instant outside a timestamp's range fails at once: the same as a failed write
            stored = CompletableFuture.failedFuture(e);
        }
        stored.whenComplete((done, failure) -> {
            inFlight.decrementAndGet();
            if (failure == null) {
                written.incrementAndGet();
            } else {
                drop(access, failure.toString());
            }
        });
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    /** Records Cassandra has acknowledged since the start. */
    public long written() {
        return written.get();
    }

    /** Who saw or changed the case, newest first. */
    public CompletionStage<List<DataAccess>> accessesTo(String caseId) {
        List<DataAccess> out = new ArrayList<>();
        return session.executeAsync(selectByCase.bind(caseId).setPageSize(PAGE_SIZE).setIdempotent(true))
                .thenCompose(rs -> drain(rs, out, row -> new DataAccess(row.getInstant("accessed_at"),
                        Role.valueOf(row.getString("role")), row.getString("principal"), row.getString("action"),
                        caseId, row.getString("detail"))));
    }

    /** What one person (or CRM client) saw or changed on a day (UTC), newest first. */
    public CompletionStage<List<DataAccess>> accessesBy(Role role, String principal, LocalDate day) {
        List<DataAccess> out = new ArrayList<>();
        return session.executeAsync(selectByPrincipal.bind(role.name(), principal, day).setPageSize(PAGE_SIZE)
                        .setIdempotent(true))
                .thenCompose(rs -> drain(rs, out, row -> new DataAccess(row.getInstant("accessed_at"), role,
                        principal, row.getString("action"), row.getString("case_id"), row.getString("detail"))));
    }

    private static CompletionStage<List<DataAccess>> drain(AsyncResultSet page, List<DataAccess> out,
            java.util.function.Function<Row, DataAccess> read) {
        for (Row row : page.currentPage()) {
            out.add(read.apply(row));
        }
        return page.hasMorePages() ? page.fetchNextPage().thenCompose(next -> drain(next, out, read))
                : CompletableFuture.completedFuture(List.copyOf(out));
    }

    private void drop(DataAccess access, String why) {
        long count = dropped.incrementAndGet();
        // the first of a run, then one line per thousand: an outage must not flood the log
        if (count == 1 || count % 1000 == 0) {
            log.warn("Data-access audit record dropped ({} dropped so far): {} by {} {} on case '{}': {}", count,
                    access.action(), access.role(), access.principal(), access.caseId(), why);
        }
    }
}
