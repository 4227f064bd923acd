package dev.collector.outcomes.history;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.collector.domain.outcome.RoutingMemory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@link RoutingMemory} over V007's {@code routing_memory_by_debtor}, which
 * {@link CassandraContactHistory} fills as outcomes are recorded. A replay scans the whole table
 * (one partition per debtor, at most three rows each) page by page without blocking; the rows of
 * one debtor arrive together (a scan returns partitions whole), so each debtor's rows are handed
 * over oldest first.
 */
public final class CassandraRoutingMemory implements RoutingMemory {

    private static final int PAGE_SIZE = 2_000;

    private final CqlSession session;
    private final PreparedStatement scan;

    private CassandraRoutingMemory(CqlSession session, PreparedStatement scan) {
        this.session = session;
        this.scan = scan;
    }

    public static CassandraRoutingMemory prepare(CqlSession session, CqlIdentifier keyspace) {
        Objects.requireNonNull(session, "session");
        return new CassandraRoutingMemory(session, session.prepare("SELECT debtor_id, agent_id, disposition, "
                + "callback_at, recorded_at FROM " + keyspace.asCql(true) + ".routing_memory_by_debtor"));
    }

    @Override
    public CompletionStage<Long> replay(Consumer<Remembered> learner) {
        Objects.requireNonNull(learner, "learner");
        DebtorRows rows = new DebtorRows(learner);
        return session.executeAsync(scan.boundStatementBuilder().setPageSize(PAGE_SIZE).setIdempotence(true).build())
                .thenCompose(rs -> drain(rs, rows))
                .thenApply(done -> rows.finish());
    }

    private static CompletionStage<Void> drain(AsyncResultSet rs, DebtorRows rows) {
        for (Row row : rs.currentPage()) {
            rows.add(new Remembered(row.getString("debtor_id"), row.getString("agent_id"),
                    row.getString("disposition"), Optional.ofNullable(row.getInstant("callback_at")),
                    row.getInstant("recorded_at")));
        }
        return rs.hasMorePages() ? rs.fetchNextPage().thenCompose(next -> drain(next, rows))
                : CompletableFuture.completedFuture(null);
    }

    /** Gathers one debtor's rows, hands them over sorted when the next debtor begins. */
    private static final class DebtorRows {
        private final Consumer<Remembered> learner;
        private final List<Remembered> current = new ArrayList<>(3);
        private final AtomicLong handed = new AtomicLong();

        DebtorRows(Consumer<Remembered> learner) {
            this.learner = learner;
        }

        void add(Remembered row) {
            if (!current.isEmpty() && !current.get(0).debtorId().equals(row.debtorId())) {
                flush();
            }
            current.add(row);
        }

        long finish() {
            flush();
            return handed.get();
        }

        private void flush() {
            current.sort(Comparator.comparing(Remembered::recordedAt));
            current.forEach(learner);
            handed.addAndGet(current.size());
            current.clear();
        }
    }
}
