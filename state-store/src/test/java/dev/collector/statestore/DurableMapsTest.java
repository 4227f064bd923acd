package dev.collector.statestore;

import static dev.collector.statestore.CassandraMapStoreTest.lease;
import static dev.collector.statestore.CassandraMapStoreTest.leases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.collector.outcomes.CassandraSessions;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.outcomes.OutcomeStoreSettings;
import dev.collector.outcomes.node.NodeSettings;
import dev.collector.outcomes.testing.TestNode;
import dev.collector.statestore.CassandraMapStoreTest.Lease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestNode.class)
class DurableMapsTest {

    private static final String KEYSPACE = "durable_maps_test";

    private static OutcomeStore store;
    private static CqlSession session;

    private final List<HazelcastInstance> members = new ArrayList<>();

    @BeforeAll
    static void open(NodeSettings node) {
        store = OutcomeStore.open(OutcomeStoreSettings.defaults().withLocalNode(node).withKeyspace(KEYSPACE));
        session = store.session();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @AfterEach
    void stopMembers() {
        members.stream().filter(m -> m.getLifecycleService().isRunning()).forEach(HazelcastInstance::shutdown);
    }

    @Test
    void a_new_member_finds_every_entry_the_previous_one_accepted_and_none_it_removed() {
        String cluster = "durable-" + UUID.randomUUID();
        Map<String, Lease> accepted = leases(1_000);

        HazelcastInstance first = member(cluster, CompletableFuture.completedFuture(session), "cases");
        IMap<String, Lease> cases = first.getMap("cases");
        long begin = System.nanoTime();
        accepted.forEach(cases::set);
        cases.put("case-withdrawn", lease("case-withdrawn", 1));
        cases.remove("case-withdrawn");
        long written = System.nanoTime();
        first.shutdown();
        assertThat(Hazelcast.getAllHazelcastInstances()).as("no member left holding the map").isEmpty();

        HazelcastInstance second = member(cluster, CompletableFuture.completedFuture(session), "cases");
        long started = System.nanoTime();
        IMap<String, Lease> restarted = second.getMap("cases");
        long loaded = System.nanoTime();

        assertThat(restarted.size()).isEqualTo(1_000);
        assertThat(new HashMap<>(restarted.getAll(accepted.keySet()))).isEqualTo(accepted);
        assertThat(restarted.containsKey("case-withdrawn")).isFalse();
        assertThat(restarted.get("case-withdrawn")).as("not loaded on a miss either").isNull();
        System.out.printf("1,000 entries: %d sets written through in %d ms; the new member's getMap loaded them in %d ms%n",
                accepted.size(), TimeUnit.NANOSECONDS.toMillis(written - begin),
                TimeUnit.NANOSECONDS.toMillis(loaded - started));
    }

    @Test
    void a_member_started_before_the_session_holds_its_writes_until_the_session_arrives() throws Exception {
        CompletableFuture<CqlSession> later = new CompletableFuture<>();
        String map = "retries-" + UUID.randomUUID();
        HazelcastInstance member = member("durable-" + UUID.randomUUID(), later, map);

        CompletableFuture<Void> putting = CompletableFuture.runAsync(() -> {
            IMap<String, Lease> retries = member.getMap(map);
            retries.set("case-1", lease("case-1", 3));
        });
        Thread.sleep(500);
        assertThat(putting).isNotDone();
        later.complete(session);

        putting.get(30, TimeUnit.SECONDS);
        assertThat(session.execute(SimpleStatement.newInstance("SELECT entry_key FROM " + KEYSPACE
                + ".map_entries WHERE map_name = ? AND bucket = ?", map, CassandraMapStore.bucketOf("case-1"))).all())
                .extracting(r -> r.getString("entry_key")).containsExactly("case-1");
    }

    @Test
    void a_map_whose_session_came_too_late_for_its_load_is_reloaded_when_the_session_arrives() throws Exception {
        String map = "admissions-" + UUID.randomUUID();
        new CassandraMapStore<Lease>(CompletableFuture.completedFuture(session), KEYSPACE, map)
                .store("case-1", lease("case-1", 1));
        CompletableFuture<CqlSession> later = new CompletableFuture<>();
        Config config = memberConfig("durable-" + UUID.randomUUID());
        DurableMaps.persist(config, later, KEYSPACE, Duration.ofMillis(500), map);
        HazelcastInstance member = start(config);

        IMap<String, Lease> admissions = member.getMap(map);
        assertThatThrownBy(() -> admissions.set("case-2", lease("case-2", 1)))
                .hasMessageContaining("no Cassandra session");
        assertThat(admissions.size()).as("Hazelcast serves a map whose load failed empty").isZero();

        later.complete(session);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (admissions.size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(admissions.keySet()).as("reloaded once the session arrived").containsExactly("case-1");
        assertThat(admissions.get("case-1")).isEqualTo(lease("case-1", 1));
    }

    @Test
    void when_cassandra_stops_answering_a_put_fails_and_the_map_keeps_nothing_unstored() {
        CqlSession own = CassandraSessions.open(List.of(store.localNode().orElseThrow().cqlAddress()),
                "datacenter1", Duration.ofSeconds(5), List.of(KEYSPACE));
        String map = "leases-" + UUID.randomUUID();
        HazelcastInstance member = member("durable-" + UUID.randomUUID(), CompletableFuture.completedFuture(own), map);
        IMap<String, Lease> leases = member.getMap(map);
        leases.set("case-1", lease("case-1", 1));

        own.close(); // as far as this member can tell, Cassandra is gone

        assertThatThrownBy(() -> leases.set("case-2", lease("case-2", 1))).hasMessageContaining("store key case-2");
        assertThatThrownBy(() -> leases.remove("case-1")).hasMessageContaining("delete key case-1");
        // keySet, not containsKey: an absent key would be read through, and Cassandra is gone
        assertThat(leases.keySet()).as("the failed put left nothing, the failed remove kept its entry")
                .containsExactly("case-1");
        assertThat(leases.get("case-1")).isEqualTo(lease("case-1", 1));
    }

    @Test
    void persist_configures_write_through_eager_load_and_a_backup() {
        Config config = new Config();
        config.addMapConfig(new MapConfig("cases").setTimeToLiveSeconds(0).setStatisticsEnabled(false));

        DurableMaps.persist(config, new CompletableFuture<>(), KEYSPACE, "cases", "contacts");

        for (String name : List.of("cases", "contacts")) {
            MapConfig map = config.getMapConfig(name);
            MapStoreConfig mapStore = map.getMapStoreConfig();
            assertThat(map.getBackupCount()).isEqualTo(1);
            assertThat(mapStore.isEnabled()).isTrue();
            assertThat(mapStore.getWriteDelaySeconds()).isZero();
            assertThat(mapStore.getInitialLoadMode()).isEqualTo(MapStoreConfig.InitialLoadMode.EAGER);
            assertThat(mapStore.getImplementation()).isInstanceOfSatisfying(CassandraMapStore.class,
                    s -> assertThat(s.mapName()).isEqualTo(name));
        }
        assertThat(config.getMapConfig("cases").isStatisticsEnabled()).as("kept").isFalse();
    }

    @Test
    void persist_refuses_a_wildcard_and_a_map_that_already_has_a_store() {
        Config config = new Config();
        DurableMaps.persist(config, new CompletableFuture<>(), KEYSPACE, "cases");

        assertThatThrownBy(() -> DurableMaps.persist(config, new CompletableFuture<>(), KEYSPACE, "case-*"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("case-*");
        assertThatThrownBy(() -> DurableMaps.persist(config, new CompletableFuture<>(), KEYSPACE, "cases"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Map cases already has a map store");
    }

    private HazelcastInstance member(String cluster, CompletionStage<CqlSession> session, String... maps) {
        Config config = memberConfig(cluster);
        DurableMaps.persist(config, session, KEYSPACE, maps);
        return start(config);
    }

    private HazelcastInstance start(Config config) {
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        members.add(member);
        return member;
    }

    /** A lone member on loopback and a free port, joining no one (as case-queue's HazelcastMember, minus its queues). */
    private static Config memberConfig(String cluster) {
        int port = TestNode.freePorts(1).get(0);
        Config config = new Config();
        config.setClusterName(cluster);
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port);
        return config;
    }
}
