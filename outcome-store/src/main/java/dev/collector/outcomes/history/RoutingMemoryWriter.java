package dev.collector.outcomes.history;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.domain.outcome.RoutingMemory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes an outcome into V007's {@code routing_memory_by_debtor}: always as the debtor's LATEST,
 * and also as SUCCESS (a promise, a payment) or CALLBACK. The rows of one outcome share the
 * debtor's partition, so they go as one unlogged batch: one mutation, applied whole.
 *
 * <p>The write time is the outcome's recorded time (in microseconds, as Cassandra counts), not the
 * time of writing: of two outcomes the later one wins whichever is written last, so the journal
 * replaying an old outcome after a newer one never turns memory back.
 */
final class RoutingMemoryWriter {

    static final String LATEST = "LATEST";
    static final String SUCCESS = "SUCCESS";
    static final String CALLBACK = "CALLBACK";

    private final PreparedStatement insert;

    private RoutingMemoryWriter(PreparedStatement insert) {
        this.insert = insert;
    }

    static RoutingMemoryWriter prepare(CqlSession session, CqlIdentifier keyspace) {
        return new RoutingMemoryWriter(session.prepare("INSERT INTO " + keyspace.asCql(true)
                + ".routing_memory_by_debtor (debtor_id, role, attempt_id, case_id, campaign_id, agent_id, "
                + "disposition, callback_at, recorded_at) VALUES (:debtor_id, :role, :attempt_id, :case_id, "
                + ":campaign_id, :agent_id, :disposition, :callback_at, :recorded_at) USING TIMESTAMP :write_time"));
    }

    BatchStatement remember(Outcome outcome) {
        RoutingMemory.Remembered remembered = RoutingMemory.Remembered.of(outcome);
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED)
                .addStatement(row(outcome, LATEST));
        if (remembered.success()) {
            batch.addStatement(row(outcome, SUCCESS));
        }
        if (outcome.disposition() instanceof Disposition.CallbackRequested) {
            batch.addStatement(row(outcome, CALLBACK));
        }
        return batch.setIdempotence(true).build();
    }

    private BoundStatement row(Outcome outcome, String role) {
        var row = insert.boundStatementBuilder()
                .setString("debtor_id", outcome.debtorId())
                .setString("role", role)
                .setString("attempt_id", outcome.attemptId())
                .setString("case_id", outcome.caseId())
                .setString("campaign_id", outcome.campaignId())
                .setString("agent_id", outcome.agentId())
                .setString("disposition", outcome.disposition().code())
                .setInstant("recorded_at", outcome.recordedAt())
                .setLong("write_time", micros(outcome.recordedAt()));
        if (outcome.disposition() instanceof Disposition.CallbackRequested callback) {
            row.setInstant("callback_at", callback.at());
        } else {
            row.setToNull("callback_at");
        }
        return row.build();
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }
}
