package dev.collector.outcomes;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import dev.collector.compliance.audit.ComplianceAudit;
import dev.collector.domain.outcome.CaseHistory;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.outcomes.audit.CassandraComplianceAudit;
import dev.collector.outcomes.history.CassandraCaseHistory;
import dev.collector.outcomes.history.CassandraContactHistory;
import dev.collector.outcomes.node.LocalCassandraNode;
import dev.collector.outcomes.schema.Migration;
import dev.collector.outcomes.schema.SchemaMigrations;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome store, open: a session to Cassandra (a cluster, or the local node started or reused
 * for us), the keyspace created and migrated, the contact history ready. {@link #open} blocks for
 * seconds (a node start, DDL): call it at startup, off any event loop. {@link #close()} closes the
 * session and stops a node that {@code open} started.
 */
public final class OutcomeStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutcomeStore.class);

    private final CqlSession session;
    private final CqlIdentifier keyspace;
    private final CassandraContactHistory contactHistory;
    private final CassandraCaseHistory caseHistory;
    private final CassandraComplianceAudit complianceAudit;
    private final List<Migration> migrationsApplied;
    private final Optional<LocalCassandraNode> localNode;

    private OutcomeStore(CqlSession session, CqlIdentifier keyspace, CassandraContactHistory contactHistory,
            CassandraCaseHistory caseHistory, CassandraComplianceAudit complianceAudit,
            List<Migration> migrationsApplied, Optional<LocalCassandraNode> localNode) {
        this.session = session;
        this.keyspace = keyspace;
        this.contactHistory = contactHistory;
        this.caseHistory = caseHistory;
        this.complianceAudit = complianceAudit;
        this.migrationsApplied = migrationsApplied;
        this.localNode = localNode;
    }

    public static OutcomeStore open(OutcomeStoreSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    /**
     * @param clock stamps {@code schema_migrations.applied_at}
     * @throws dev.collector.outcomes.node.NodeStartException   the local node could not start
     * @throws dev.collector.outcomes.schema.MigrationException the schema could not be brought up to date
     */
    public static OutcomeStore open(OutcomeStoreSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        long begin = System.nanoTime();
        LocalCassandraNode node = null;
        CqlSession session = null;
        try {
            List<InetSocketAddress> contactPoints = settings.contactPoints();
            if (settings.usesLocalNode()) {
                node = LocalCassandraNode.startOrReuse(settings.localNode());
                contactPoints = List.of(node.cqlAddress());
            }
            session = CassandraSessions.open(contactPoints, settings.localDatacenter(), settings.requestTimeout(),
                    List.of(settings.keyspace()));
            CqlIdentifier keyspace = CqlIdentifier.fromInternal(settings.keyspace());
            SchemaMigrations migrations = new SchemaMigrations(session, keyspace, clock);
            migrations.createKeyspaceIfMissing(settings.effectiveReplication());
            List<Migration> applied = migrations.apply();
            CassandraContactHistory history = CassandraContactHistory.prepare(session, keyspace);
            CassandraCaseHistory caseHistory = CassandraCaseHistory.prepare(session, keyspace);
            CassandraComplianceAudit audit = CassandraComplianceAudit.prepare(session, keyspace);
            log.info("Outcome store open on {} keyspace {} ({} migrations applied now) in {} ms",
                    node == null ? contactPoints : node.origin().name().toLowerCase() + " local node " + node.cqlAddress(),
                    settings.keyspace(), applied.size(), Duration.ofNanos(System.nanoTime() - begin).toMillis());
            return new OutcomeStore(session, keyspace, history, caseHistory, audit, applied,
                    Optional.ofNullable(node));
        } catch (RuntimeException e) {
            if (session != null) {
                session.close();
            }
            if (node != null) {
                node.close();
            }
            throw e;
        }
    }

    public ContactHistory contactHistory() {
        return contactHistory;
    }

    /** The adapter itself, for reads beyond the port (a campaign's hour). */
    public CassandraContactHistory cassandraContactHistory() {
        return contactHistory;
    }

    /** A case's history a page at a time, newest first, as a CRM browses it (over the contact history's tables). */
    public CaseHistory caseHistory() {
        return caseHistory;
    }

    /** Per debtor, what routing's affinity index is rebuilt from at start (V007). Prepares a statement: call it at startup. */
    public dev.collector.domain.outcome.RoutingMemory routingMemory() {
        return dev.collector.outcomes.history.CassandraRoutingMemory.prepare(session, keyspace);
    }

    /** The compliance guard's decisions, kept for the regulator (table {@code compliance_audit_by_case}). */
    public ComplianceAudit complianceAudit() {
        return complianceAudit;
    }

    /** For other tables of this keyspace (reports); the session has no default keyspace. */
    public CqlSession session() {
        return session;
    }

    public CqlIdentifier keyspace() {
        return keyspace;
    }

    /** The migrations {@link #open} applied; empty when the schema was already current. */
    public List<Migration> migrationsApplied() {
        return migrationsApplied;
    }

    /** The local node when no contact points were configured; its origin says started or reused. */
    public Optional<LocalCassandraNode> localNode() {
        return localNode;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            localNode.ifPresent(LocalCassandraNode::close);
        }
    }
}
