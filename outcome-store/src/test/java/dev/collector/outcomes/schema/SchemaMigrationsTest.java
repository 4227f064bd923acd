package dev.collector.outcomes.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import dev.collector.outcomes.CassandraSessions;
import dev.collector.outcomes.node.LocalCassandraNode;
import dev.collector.outcomes.testing.TestNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestNode.class)
class SchemaMigrationsTest {

    private static final AtomicInteger KEYSPACES = new AtomicInteger();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    private static CqlSession session;

    @BeforeAll
    static void connect(LocalCassandraNode node) {
        session = CassandraSessions.open(List.of(node.cqlAddress()), "datacenter1", Duration.ofSeconds(5), List.of());
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    @Test
    void every_migration_is_applied_once_and_recorded() {
        SchemaMigrations migrations = migrationsOfNewKeyspace(SchemaMigrations.DEFAULT_LOCATION);

        List<Migration> applied = migrations.apply();

        assertThat(applied).extracting(Migration::version, Migration::description)
                .containsExactly(tuple(1, "contact history"), tuple(2, "compliance audit"), tuple(3, "map entries"),
                        tuple(4, "callback at"), tuple(5, "outcomes for reports"), tuple(6, "follow ups"),
                        tuple(7, "disposition details"), tuple(8, "strategy reports"),
                        tuple(9, "follow up claims"), tuple(10, "follow up report indexes"),
                        tuple(11, "data access audit"));
        assertThat(migrations.applied()).containsExactly(
                new AppliedMigration(1, "contact history", applied.get(0).checksum(), CLOCK.instant()),
                new AppliedMigration(2, "compliance audit", applied.get(1).checksum(), CLOCK.instant()),
                new AppliedMigration(3, "map entries", applied.get(2).checksum(), CLOCK.instant()),
                new AppliedMigration(4, "callback at", applied.get(3).checksum(), CLOCK.instant()),
                new AppliedMigration(5, "outcomes for reports", applied.get(4).checksum(), CLOCK.instant()),
                new AppliedMigration(6, "follow ups", applied.get(5).checksum(), CLOCK.instant()),
                new AppliedMigration(7, "disposition details", applied.get(6).checksum(), CLOCK.instant()),
                new AppliedMigration(8, "strategy reports", applied.get(7).checksum(), CLOCK.instant()),
                new AppliedMigration(9, "follow up claims", applied.get(8).checksum(), CLOCK.instant()),
                new AppliedMigration(10, "follow up report indexes", applied.get(9).checksum(), CLOCK.instant()),
                new AppliedMigration(11, "data access audit", applied.get(10).checksum(), CLOCK.instant()));
        KeyspaceMetadata keyspace = session.getMetadata().getKeyspace(migrations.keyspace()).orElseThrow();
        assertThat(keyspace.getTables().keySet()).extracting(CqlIdentifier::asInternal)
                .contains("call_attempts_by_case", "call_attempts_by_campaign_hour", "outcomes_by_case",
                        "compliance_audit_by_case", "map_entries", "schema_migrations", "outcomes_by_agent_day",
                        "outcomes_by_campaign_hour", "follow_up_tasks", "follow_up_schedule", "promises_by_due_date",
                        "escalations_by_day", "work_queue_items", "routing_memory_by_debtor");
        assertThat(keyspace.getUserDefinedTypes().keySet()).extracting(CqlIdentifier::asInternal)
                .contains("refusal");
        assertThat(keyspace.getTable("outcomes_by_case").orElseThrow().getColumn("callback_at")).isPresent();
        assertThat(keyspace.getTable("outcomes_by_case").orElseThrow().getColumn("payment_channel")).isPresent();
    }

    @Test
    void a_second_apply_changes_nothing() {
        SchemaMigrations migrations = migrationsOfNewKeyspace(SchemaMigrations.DEFAULT_LOCATION);
        migrations.apply();
        List<AppliedMigration> before = migrations.applied();

        List<Migration> second = new SchemaMigrations(session, migrations.keyspace(),
                Clock.offset(CLOCK, Duration.ofHours(1))).apply();

        assertThat(second).isEmpty();
        assertThat(migrations.applied()).isEqualTo(before);
    }

    @Test
    void an_applied_migration_whose_statements_changed_is_refused() {
        SchemaMigrations migrations = migrationsOfNewKeyspace(SchemaMigrations.DEFAULT_LOCATION);
        migrations.apply();
        session.execute(SimpleStatement.newInstance(
                "UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1")
                .setKeyspace(migrations.keyspace()));

        assertThatThrownBy(migrations::apply)
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V1 (db/cql/V001__contact_history.cql) was changed after it was applied")
                .hasMessageContaining("tampered");
    }

    @Test
    void migrations_run_in_version_order_not_name_order() {
        SchemaMigrations migrations = migrationsOfNewKeyspace("db/cql-ordering");

        assertThat(migrations.apply()).extracting(Migration::version).containsExactly(1, 2, 10);
        assertThat(session.getMetadata().getKeyspace(migrations.keyspace()).orElseThrow()
                .getTable("second").orElseThrow().getColumn("label")).isPresent();
    }

    private static SchemaMigrations migrationsOfNewKeyspace(String location) {
        CqlIdentifier keyspace = CqlIdentifier.fromInternal("migrations_" + KEYSPACES.incrementAndGet());
        SchemaMigrations migrations = new SchemaMigrations(session, keyspace, location,
                SchemaMigrationsTest.class.getClassLoader(), CLOCK);
        migrations.createKeyspaceIfMissing(new Replication.Simple(1));
        return migrations;
    }
}
