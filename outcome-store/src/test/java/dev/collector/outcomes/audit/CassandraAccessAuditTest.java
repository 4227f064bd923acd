package dev.collector.outcomes.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.collector.domain.access.DataAccess;
import dev.collector.domain.access.Role;
import dev.collector.outcomes.CassandraSessions;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.outcomes.OutcomeStoreSettings;
import dev.collector.outcomes.node.LocalCassandraNode;
import dev.collector.outcomes.node.NodeSettings;
import dev.collector.outcomes.testing.TestNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestNode.class)
class CassandraAccessAuditTest {

    private static final Instant NINE_AM = Instant.parse("2026-11-23T09:00:00Z");

    private static OutcomeStore store;
    private static CassandraAccessAudit audit;

    @BeforeAll
    static void open(NodeSettings node) {
        store = OutcomeStore.open(OutcomeStoreSettings.defaults().withLocalNode(node).withKeyspace("access_audit_test"));
        audit = CassandraAccessAudit.prepare(store.session(), store.keyspace());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void who_saw_a_case_reads_back_newest_first_with_role_person_and_what_they_did() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        DataAccess pop = new DataAccess(NINE_AM, Role.AGENT, "agent-07", "screen-pop", caseId, "attempt a-1");
        DataAccess history = new DataAccess(NINE_AM.plusSeconds(60), Role.CRM_SERVICE, "crm-a",
                "CaseService/ListCaseHistory", caseId, "");
        DataAccess sameMilli = new DataAccess(NINE_AM.plusSeconds(60), Role.CRM_SERVICE, "crm-a",
                "CaseService/ListCaseHistory", caseId, "page 2");

        long before = audit.written();
        audit.record(pop);
        audit.record(history);
        audit.record(sameMilli);
        awaitWritten(before + 3);

        List<DataAccess> read = await(audit.accessesTo(caseId));
        assertThat(read).hasSize(3).containsAll(List.of(pop, history, sameMilli));
        assertThat(read.get(2)).as("oldest last").isEqualTo(pop);
    }

    @Test
    void what_a_supervisor_saw_on_a_day_includes_reports_over_many_cases() throws Exception {
        String supervisor = "supervisor-" + UUID.randomUUID();
        DataAccess kpis = new DataAccess(NINE_AM, Role.SUPERVISOR, supervisor, "export:kpis.csv", "",
                "from=2026-11-01 to=2026-11-22 by=agent");
        long before = audit.written();
        audit.record(kpis);
        awaitWritten(before + 1);

        assertThat(await(audit.accessesBy(Role.SUPERVISOR, supervisor, LocalDate.of(2026, 11, 23))))
                .containsExactly(kpis);
        assertThat(await(audit.accessesBy(Role.ADMIN, supervisor, LocalDate.of(2026, 11, 23))))
                .as("partitioned by role too").isEmpty();
    }

    @Test
    void rows_expire_on_their_own_after_three_years() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        long before = audit.written();
        audit.record(new DataAccess(Instant.now(), Role.AGENT, "agent-01", "screen-pop", caseId, ""));
        awaitWritten(before + 1);

        Row row = store.session().execute(SimpleStatement.newInstance("SELECT TTL(principal) FROM "
                + store.keyspace().asCql(true) + ".data_access_by_case WHERE case_id = ?", caseId)).one();
        assertThat(row.getInt(0)).isBetween(94_608_000 - 600, 94_608_000);
    }

    @Test
    void with_cassandra_gone_recording_returns_at_once_counts_the_drop_and_never_throws(LocalCassandraNode node) {
        CqlSession doomed = CassandraSessions.open(List.of(node.cqlAddress()), "datacenter1", Duration.ofSeconds(5),
                List.of());
        CassandraAccessAudit cut = CassandraAccessAudit.prepare(doomed, store.keyspace());
        doomed.close();

        long begin = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            cut.record(new DataAccess(NINE_AM, Role.AGENT, "agent-02", "screen-pop", "case-x", ""));
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);

        assertThat(tookMs).as("100 records against a closed session, ms").isLessThan(1000);
        assertThat(cut.dropped()).isEqualTo(100);
        assertThat(cut.written()).isZero();
    }

    private static void awaitWritten(long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (audit.written() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(audit.written()).as("records acknowledged").isGreaterThanOrEqualTo(count);
        assertThat(audit.dropped()).isZero();
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
