package dev.collector.statestore;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapLoaderLifecycleSupport;
import com.hazelcast.map.MapStore;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Hazelcast map kept in Cassandra table {@code map_entries} (outcome-store's migration V003):
 * one row per entry, in partition {@code (map name, floorMod(key.hashCode(), BUCKETS))}.
 *
 * <p>Values are stored Java-serialized, the same objects Hazelcast holds: one format for every
 * map and no mapping code per value type, so a new durable map needs no code here. The price:
 * a value class that is renamed or moved no longer loads (keep such classes where they are, or
 * migrate the rows), and a non-record class needs a fixed {@code serialVersionUID} to survive a
 * new field. Records evolve freely (a new component loads as null/0), which is one more reason for
 * values to be records. The table is trusted input: only this class writes it.
 *
 * <p>Hazelcast calls these methods on its own threads (the map-store offload executor, the
 * loading threads), where blocking is allowed; each method blocks until Cassandra has answered.
 * The session may arrive after the member has started: every method first waits for it, up to
 * the session timeout, then fails. A failure is thrown to Hazelcast, which passes it to the
 * caller of {@code put}, {@code remove} or the map operation that needed the store, so with
 * write-through nothing is acknowledged that Cassandra did not take.
 *
 * <p>If the session is still missing when Hazelcast loads the map (the first {@code getMap}),
 * the load fails and Hazelcast 5.7 then serves the map <em>empty</em>: {@code getMap} returns,
 * {@code size()} is 0, iterations and queries miss every stored entry (reads and writes by key
 * still reach Cassandra). It does not retry by itself. This store therefore reloads the map
 * ({@code IMap.loadAll(false)}, which keeps what is already in memory) as soon as the session
 * arrives, and logs an error meanwhile. Complete the session before the first {@code getMap} to
 * avoid that window altogether.
 *
 * <p>Not for maps whose entries should vanish on their own: an entry evicted or expired (TTL,
 * max-idle) is not deleted here, so it would come back on the next load.
 *
 * @param <V> the map's value type
 */
public final class CassandraMapStore<V extends Serializable> implements MapStore<String, V>, MapLoaderLifecycleSupport {

    /**
     * Partitions per map. Part of the stored data's layout: changing it strands every stored entry
     * in the wrong bucket, so it needs a data migration. {@code String.hashCode} is specified by
     * the JDK, so the bucket of a key is the same in every JVM.
     */
    public static final int BUCKETS = 64;

    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(2);


    /** Keys per read in {@link #loadAll}: one query per bucket and chunk, {@code entry_key IN (...)} within one partition. */
    static final int KEYS_PER_READ = 100;

    static final int DEFAULT_PAGE_SIZE = 1000;

    private static final Logger log = LoggerFactory.getLogger(CassandraMapStore.class);

    private final CompletableFuture<CqlSession> session;
    private final String table;
    private final String mapName;
    private final Duration sessionTimeout;
    private final int pageSize;
    private final Clock clock;
    private final BoundedRequests requests;
    private final JavaSerializedValues<V> codec;
    private volatile Statements statements;
    private volatile HazelcastInstance member;
    private final AtomicBoolean reloadPending = new AtomicBoolean();

    /** With the default session timeout of two minutes. */
    public CassandraMapStore(CompletionStage<CqlSession> session, String keyspace, String mapName) {
        this(session, keyspace, mapName, DEFAULT_SESSION_TIMEOUT);
    }

    /**
     * @param session        completed with a session to a keyspace whose migrations are applied
     *                       (outcome-store's {@code OutcomeStore.open}); may complete later than
     *                       the Hazelcast member starts
     * @param keyspace       the keyspace holding {@code map_entries}
     * @param mapName        the Hazelcast map's name, which is also its key in the table
     * @param sessionTimeout how long each call waits for the session before it fails
     */
    public CassandraMapStore(CompletionStage<CqlSession> session, String keyspace, String mapName,
            Duration sessionTimeout) {
        this(session, keyspace, mapName, sessionTimeout, DEFAULT_PAGE_SIZE, Clock.systemUTC());
    }

    CassandraMapStore(CompletionStage<CqlSession> session, String keyspace, String mapName, Duration sessionTimeout,
            int pageSize, Clock clock) {
        this.session = Objects.requireNonNull(session, "session").toCompletableFuture();
        this.table = CqlIdentifier.fromInternal(Objects.requireNonNull(keyspace, "keyspace")).asCql(true)
                + ".map_entries";
        this.mapName = Objects.requireNonNull(mapName, "mapName");
        this.sessionTimeout = Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pageSize = pageSize;
        if (keyspace.isBlank()) {
            throw new IllegalArgumentException("keyspace must not be blank");
        }
        if (mapName.isBlank()) {
            throw new IllegalArgumentException("mapName must not be blank");
        }
        if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("sessionTimeout must be positive, got " + sessionTimeout);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
        }
        this.requests = new BoundedRequests(mapName, sessionTimeout);
        this.codec = new JavaSerializedValues<>(mapName);
    }

    /** Called by Hazelcast when the map is created on a member: the member is the one to reload after a failed load. */
    @Override
    public void init(HazelcastInstance hazelcastInstance, Properties properties, String name) {
        if (!mapName.equals(name)) {
            throw new IllegalStateException("A CassandraMapStore for map " + mapName + " was configured for map " + name);
        }
        this.member = hazelcastInstance;
    }

    @Override
    public void destroy() {
        this.member = null;
    }

    public String mapName() {
        return mapName;
    }

    /** The key's partition within this map. */
    public static int bucketOf(String key) {
        return Math.floorMod(key.hashCode(), BUCKETS);
    }

    @Override
    public void store(String key, V value) {
        Statements s = ready();
        requests.await(s.session().executeAsync(insert(s, key, value)), "store key " + key);
    }

    /** Concurrent single-row writes: a batch would only pay off within one bucket, and Java-serialized values soon exceed Cassandra's batch size limits. */
    @Override
    public void storeAll(Map<String, V> entries) {
        Statements s = ready();
        Map<String, ByteBuffer> blobs = new HashMap<>(entries.size() * 2);
        entries.forEach((key, value) -> blobs.put(key, codec.serialize(key, value)));
        requests.forEach(entries.keySet(), key -> s.session().executeAsync(insert(s, key, blobs.get(key))),
                "store");
    }

    @Override
    public void delete(String key) {
        Statements s = ready();
        requests.await(s.session().executeAsync(delete(s, key)), "delete key " + key);
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        Statements s = ready();
        requests.forEach(keys, key -> s.session().executeAsync(delete(s, key)), "delete");
    }

    /** @return the value, or null when the key is not stored (what Hazelcast expects) */
    @Override
    public V load(String key) {
        Statements s = ready();
        Row row = requests.await(s.session().executeAsync(s.selectOne().boundStatementBuilder()
                        .setString("map_name", mapName).setInt("bucket", bucketOf(key)).setString("entry_key", key)
                        .setIdempotence(true).build()), "load key " + key)
                .one();
        return row == null ? null : codec.deserialize(key, row.getByteBuffer("entry_value"));
    }

    /** One query per bucket and up to {@value #KEYS_PER_READ} keys, run concurrently; keys not stored are left out. */
    @Override
    public Map<String, V> loadAll(Collection<String> keys) {
        Statements s = ready();
        Map<Integer, List<String>> byBucket = new TreeMap<>();
        for (String key : keys) {
            byBucket.computeIfAbsent(bucketOf(key), b -> new ArrayList<>()).add(key);
        }
        List<Chunk> chunks = new ArrayList<>();
        byBucket.forEach((bucket, bucketKeys) -> {
            for (int from = 0; from < bucketKeys.size(); from += KEYS_PER_READ) {
                chunks.add(new Chunk(bucket, bucketKeys.subList(from, Math.min(from + KEYS_PER_READ, bucketKeys.size()))));
            }
        });
        // filled on driver threads; deserialized here, off the driver's I/O threads
        Map<String, ByteBuffer> blobs = new ConcurrentHashMap<>();
        requests.forEach(chunks, chunk -> s.session().executeAsync(s.selectSome().boundStatementBuilder()
                        .setString("map_name", mapName).setInt("bucket", chunk.bucket())
                        .setList("entry_keys", chunk.keys(), String.class)
                        .setPageSize(Math.max(pageSize, KEYS_PER_READ)).setIdempotence(true).build())
                .thenCompose(rs -> drain(rs, blobs)), "load");
        Map<String, V> values = new HashMap<>(blobs.size() * 2);
        blobs.forEach((key, blob) -> values.put(key, codec.deserialize(key, blob)));
        return values;
    }

    /**
     * The map's keys, bucket by bucket, each bucket read in pages as the iteration reaches it (a
     * large map is never held twice in memory). Iterating blocks on Cassandra, and throws if a page
     * cannot be read.
     */
    @Override
    public Iterable<String> loadAllKeys() {
        Statements s;
        try {
            s = ready();
        } catch (RuntimeException e) {
            reloadWhenTheSessionArrives();
            throw e;
        }
        return () -> new Iterator<>() {
            private int nextBucket;
            private Iterator<Row> rows = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!rows.hasNext() && nextBucket < BUCKETS) {
                    // synchronous paging: the loading thread may block, and the next page is fetched only when needed
                    rows = s.session().execute(s.selectKeys().boundStatementBuilder()
                            .setString("map_name", mapName).setInt("bucket", nextBucket++)
                            .setPageSize(pageSize).setIdempotence(true).build()).iterator();
                }
                return rows.hasNext();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return rows.next().getString(0);
            }
        };
    }

    private BoundStatement insert(Statements s, String key, V value) {
        return insert(s, key, codec.serialize(key, value));
    }

    private BoundStatement insert(Statements s, String key, ByteBuffer blob) {
        return s.insert().boundStatementBuilder()
                .setString("map_name", mapName)
                .setInt("bucket", bucketOf(key))
                .setString("entry_key", key)
                .setByteBuffer("entry_value", blob)
                .setInstant("updated_at", clock.instant())
                .setIdempotence(true)
                .build();
    }

    private BoundStatement delete(Statements s, String key) {
        return s.delete().boundStatementBuilder()
                .setString("map_name", mapName).setInt("bucket", bucketOf(key)).setString("entry_key", key)
                .setIdempotence(true)
                .build();
    }

    /**
     * After a failed initial load Hazelcast serves the map without its stored entries and never
     * loads it again by itself: do it once the session is there, on a thread of our own (the load
     * blocks until every partition has its entries).
     */
    private void reloadWhenTheSessionArrives() {
        HazelcastInstance hz = member;
        if (hz == null || !reloadPending.compareAndSet(false, true)) {
            return;
        }
        log.error("Map {} is served WITHOUT its stored entries until the Cassandra session arrives; it will be "
                + "reloaded then", mapName);
        session.thenRun(() -> {
            Thread reload = new Thread(() -> {
                long begin = System.nanoTime();
                try {
                    if (hz.getLifecycleService().isRunning()) {
                        hz.getMap(mapName).loadAll(false);
                        log.info("Map {} reloaded from Cassandra in {} ms", mapName,
                                Duration.ofNanos(System.nanoTime() - begin).toMillis());
                    }
                } catch (RuntimeException e) {
                    log.error("Map {} could not be reloaded from Cassandra; it lacks its stored entries until "
                            + "IMap.loadAll(false) succeeds", mapName, e);
                } finally {
                    reloadPending.set(false);
                }
            }, "durable-map-reload-" + mapName);
            reload.setDaemon(true);
            reload.start();
        });
    }

    /** The prepared statements, after waiting for the session if it has not arrived yet. */
    private Statements ready() {
        Statements s = statements;
        if (s != null) {
            return s;
        }
        CqlSession cql = awaitSession();
        synchronized (this) {
            if (statements == null) {
                statements = Statements.prepare(cql, table);
            }
            return statements;
        }
    }

    private CqlSession awaitSession() {
        if (!session.isDone()) {
            log.info("Map {} waits up to {} for the Cassandra session", mapName, sessionTimeout);
        }
        try {
            return session.get(sessionTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Map " + mapName + ": no Cassandra session after " + sessionTimeout
                    + "; nothing was stored or loaded", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Map " + mapName + ": the Cassandra session could not be opened",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Map " + mapName + ": interrupted while waiting for the Cassandra session",
                    e);
        }
    }

    private static CompletionStage<Void> drain(AsyncResultSet rs, Map<String, ByteBuffer> into) {
        for (Row row : rs.currentPage()) {
            into.put(row.getString("entry_key"), row.getByteBuffer("entry_value"));
        }
        return rs.hasMorePages()
                ? rs.fetchNextPage().thenCompose(next -> drain(next, into))
                : CompletableFuture.completedFuture(null);
    }

    private record Chunk(int bucket, List<String> keys) {
    }

    private record Statements(CqlSession session, PreparedStatement insert, PreparedStatement delete,
            PreparedStatement selectOne, PreparedStatement selectSome, PreparedStatement selectKeys) {

        static Statements prepare(CqlSession session, String table) {
            String partition = " WHERE map_name = :map_name AND bucket = :bucket";
            return new Statements(session,
                    session.prepare("INSERT INTO " + table + " (map_name, bucket, entry_key, entry_value, updated_at) "
                            + "VALUES (:map_name, :bucket, :entry_key, :entry_value, :updated_at)"),
                    session.prepare("DELETE FROM " + table + partition + " AND entry_key = :entry_key"),
                    session.prepare("SELECT entry_value FROM " + table + partition + " AND entry_key = :entry_key"),
                    session.prepare("SELECT entry_key, entry_value FROM " + table + partition
                            + " AND entry_key IN :entry_keys"),
                    session.prepare("SELECT entry_key FROM " + table + partition));
        }
    }
}
