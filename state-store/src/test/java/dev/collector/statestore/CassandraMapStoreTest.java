package dev.collector.statestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.outcomes.OutcomeStoreSettings;
import dev.collector.outcomes.node.NodeSettings;
import dev.collector.outcomes.testing.TestNode;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestNode.class)
class CassandraMapStoreTest {

    static final String KEYSPACE = "map_store_test";

    /** A value like the ones the dialer keeps: a record with an instant, a list and an optional part. */
    record Lease(String caseId, String agentId, Instant until, List<String> numbers, Integer attempt)
            implements Serializable {
    }

    private static OutcomeStore store;
    private static CqlSession session;

    @BeforeAll
    static void open(NodeSettings node) {
        store = OutcomeStore.open(OutcomeStoreSettings.defaults().withLocalNode(node).withKeyspace(KEYSPACE));
        session = store.session();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void a_stored_record_loads_back_equal() {
        CassandraMapStore<Lease> leases = storeOf(newMap("leases"));
        Lease lease = new Lease("case-1", "agent-17", Instant.parse("2026-11-23T09:00:00.123456789Z"),
                List.of("+4930123456", "+4915112345678"), null);

        leases.store("case-1", lease);

        assertThat(leases.load("case-1")).isEqualTo(lease);
    }

    @Test
    void a_key_never_stored_loads_as_null() {
        assertThat(storeOf(newMap("leases")).load("nobody")).isNull();
    }

    @Test
    void storing_a_key_again_replaces_its_value() {
        CassandraMapStore<Lease> leases = storeOf(newMap("leases"));
        leases.store("case-1", lease("case-1", 1));

        leases.store("case-1", lease("case-1", 2));

        assertThat(leases.load("case-1")).isEqualTo(lease("case-1", 2));
        assertThat(leases.loadAllKeys()).containsExactly("case-1");
    }

    @Test
    void a_deleted_key_is_gone() {
        CassandraMapStore<Lease> leases = storeOf(newMap("leases"));
        leases.store("case-1", lease("case-1", 1));
        leases.store("case-2", lease("case-2", 1));

        leases.delete("case-1");

        assertThat(leases.load("case-1")).isNull();
        assertThat(leases.loadAllKeys()).containsExactly("case-2");
    }

    @Test
    void store_all_and_delete_all_write_every_entry() {
        CassandraMapStore<Lease> leases = storeOf(newMap("leases"));
        Map<String, Lease> entries = leases(1_000);

        leases.storeAll(new HashMap<>(entries));
        assertThat(leases.loadAll(entries.keySet())).isEqualTo(entries);

        List<String> doomed = entries.keySet().stream().filter(k -> k.hashCode() % 3 == 0).toList();
        leases.deleteAll(new ArrayList<>(doomed));
        Map<String, Lease> left = new HashMap<>(entries);
        doomed.forEach(left::remove);
        assertThat(leases.loadAll(entries.keySet())).isEqualTo(left);
    }

    @Test
    void load_all_leaves_out_keys_not_stored() {
        CassandraMapStore<Lease> leases = storeOf(newMap("leases"));
        leases.store("case-1", lease("case-1", 1));

        assertThat(leases.loadAll(List.of("case-1", "case-2"))).containsOnlyKeys("case-1");
    }

    @Test
    void all_keys_are_listed_across_buckets_and_pages() {
        // a small page makes every bucket (~78 of 5,000 keys) span several pages
        String map = newMap("cases");
        CassandraMapStore<Lease> cases = new CassandraMapStore<>(CompletableFuture.completedFuture(session), KEYSPACE,
                map, Duration.ofSeconds(30), 16, Clock.systemUTC());
        Map<String, Lease> entries = leases(5_000);
        cases.storeAll(entries);

        List<String> keys = new ArrayList<>();
        cases.loadAllKeys().forEach(keys::add);

        assertThat(keys).hasSize(5_000).containsExactlyInAnyOrderElementsOf(entries.keySet());
        assertThat(session.execute(SimpleStatement.newInstance("SELECT DISTINCT map_name, bucket FROM " + KEYSPACE
                + ".map_entries")).all().stream().filter(r -> r.getString("map_name").equals(map)).count())
                .as("buckets used").isEqualTo(CassandraMapStore.BUCKETS);
    }

    @Test
    void maps_with_the_same_keys_do_not_see_each_other() {
        CassandraMapStore<Lease> first = storeOf(newMap("first"));
        CassandraMapStore<Lease> second = storeOf(newMap("second"));
        first.store("case-1", lease("case-1", 1));

        assertThat(second.load("case-1")).isNull();
        assertThat(second.loadAllKeys()).isEmpty();
        second.delete("case-1");
        assertThat(first.load("case-1")).isEqualTo(lease("case-1", 1));
    }

    @Test
    void a_store_waits_for_a_session_that_arrives_later() throws Exception {
        CompletableFuture<CqlSession> later = new CompletableFuture<>();
        CassandraMapStore<Lease> leases = new CassandraMapStore<>(later, KEYSPACE, newMap("leases"));
        CompletableFuture<Void> storing = CompletableFuture.runAsync(() -> leases.store("case-1", lease("case-1", 1)));

        Thread.sleep(300);
        assertThat(storing).isNotDone();
        later.complete(session);

        storing.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(leases.load("case-1")).isEqualTo(lease("case-1", 1));
    }

    @Test
    void without_a_session_a_store_fails_after_the_timeout_naming_the_map() {
        CassandraMapStore<Lease> leases = new CassandraMapStore<>(new CompletableFuture<>(), KEYSPACE, "never",
                Duration.ofMillis(200));

        assertThatThrownBy(() -> leases.store("case-1", lease("case-1", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Map never: no Cassandra session after PT0.2S; nothing was stored or loaded");
    }

    @Test
    void a_session_that_failed_to_open_fails_every_call_at_once() {
        CassandraMapStore<Lease> leases = new CassandraMapStore<>(
                CompletableFuture.failedFuture(new IllegalStateException("node down")), KEYSPACE, "broken");

        assertThatThrownBy(() -> leases.load("case-1"))
                .hasMessage("Map broken: the Cassandra session could not be opened")
                .hasRootCauseMessage("node down");
    }

    static Map<String, Lease> leases(int count) {
        return IntStream.range(0, count).mapToObj(i -> "case-" + i)
                .collect(Collectors.toMap(k -> k, k -> lease(k, 1)));
    }

    static Lease lease(String caseId, int attempt) {
        return new Lease(caseId, "agent-" + Math.floorMod(caseId.hashCode(), 40),
                Instant.parse("2026-11-23T09:00:00Z").plusSeconds(attempt), List.of("+4930123456"), attempt);
    }

    private static CassandraMapStore<Lease> storeOf(String map) {
        return new CassandraMapStore<>(CompletableFuture.completedFuture(session), KEYSPACE, map);
    }

    private static String newMap(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
