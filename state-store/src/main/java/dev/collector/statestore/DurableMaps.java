package dev.collector.statestore;

import com.datastax.oss.driver.api.core.CqlSession;
import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Makes Hazelcast maps durable: each named map is written through to Cassandra and loaded back
 * when the cluster starts again. Called by the composition root on the member's {@link Config}
 * before the member starts.
 *
 * <p>The session may come later than the member: complete the stage with
 * {@code OutcomeStore.session()} once {@code OutcomeStore.open} has returned (the migrations,
 * among them V003's {@code map_entries}, are then applied), or complete it exceptionally if the
 * store cannot open, so that map calls fail at once instead of waiting out the timeout. Until it
 * completes, every operation that needs the store (a put, a remove, a read of a key not in memory,
 * the first {@code getMap} of a durable map, which loads it) blocks its caller up to the session
 * timeout, then fails; a put that fails leaves nothing in the map. Don't call those from a Vert.x
 * event loop (use the async variants and hop back).
 *
 * <p>Call {@code getMap} for the durable maps at startup, after completing the session and before
 * anything dials: that is when the whole map is loaded. Should the session come later than the
 * timeout, Hazelcast serves the map empty until {@link CassandraMapStore} reloads it on the
 * session's arrival (logged as an error): a scan for due retries in that window would find none.
 */
public final class DurableMaps {

    private DurableMaps() {
    }

    /** {@link #persist(Config, CompletionStage, String, Duration, String...)} with the default session timeout of two minutes. */
    public static void persist(Config config, CompletionStage<CqlSession> session, String keyspace,
            String... mapNames) {
        persist(config, session, keyspace, CassandraMapStore.DEFAULT_SESSION_TIMEOUT, mapNames);
    }

    /**
     * Configures each map with a write-through {@link CassandraMapStore}, an eager initial load and
     * one synchronous backup. Other settings of an existing {@link MapConfig} for the name are kept.
     *
     * @param keyspace       the keyspace of the outcome store, which holds {@code map_entries}
     * @param sessionTimeout how long a map operation waits for {@code session} before it fails
     * @param mapNames       exact map names (no wildcards: each map needs a store of its own, as its name is its key in the table)
     * @throws IllegalArgumentException for a blank or wildcard name
     * @throws IllegalStateException    when the map already has a map store configured
     */
    public static void persist(Config config, CompletionStage<CqlSession> session, String keyspace,
            Duration sessionTimeout, String... mapNames) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        if (mapNames.length == 0) {
            throw new IllegalArgumentException("mapNames must name at least one map");
        }
        for (String name : mapNames) {
            if (name == null || name.isBlank() || name.contains("*")) {
                throw new IllegalArgumentException("mapNames must be exact map names, got '" + name + "'");
            }
        }
        for (String name : mapNames) {
            // getMapConfig keeps what is already configured for the name (or a wildcard that matches it)
            MapConfig map = config.getMapConfig(name);
            if (map.getMapStoreConfig().isEnabled()) {
                throw new IllegalStateException("Map " + name + " already has a map store: "
                        + map.getMapStoreConfig());
            }
            map.setBackupCount(1)
                    .setMapStoreConfig(new MapStoreConfig()
                            .setEnabled(true)
                            .setImplementation(new CassandraMapStore<>(session, keyspace, name, sessionTimeout))
                            // Write-through (delay 0): a put returns only after Cassandra has the entry,
                            // so an acknowledged admission, lease or retry survives a crash of the node.
                            // Write-behind would acknowledge first and lose the queue on a crash.
                            .setWriteDelaySeconds(0)
                            // The whole map is in memory before the first getMap returns: the dialer
                            // must see every case and schedule, not only those it happens to ask for.
                            .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER)
                            // Store calls block on Cassandra: run them on Hazelcast's map-store threads,
                            // not on the partition threads that serve every other map (the default
                            // since Hazelcast 5.2, stated because the blocking depends on it).
                            .setOffload(true));
        }
    }
}
