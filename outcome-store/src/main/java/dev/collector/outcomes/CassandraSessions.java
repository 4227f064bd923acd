package dev.collector.outcomes;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import com.datastax.oss.driver.api.core.config.TypedDriverOption;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Opens driver sessions configured in code: no {@code application.conf} is read, so nothing on the
 * application's classpath can change them behind our back.
 */
public final class CassandraSessions {

    private CassandraSessions() {
    }

    /**
     * A session to the given contact points, without a default keyspace (statements name theirs).
     * Blocks while it connects: call it at startup.
     *
     * @param metadataKeyspaces the keyspaces whose schema the driver tracks (for token-aware
     *                          routing); empty means all. Naming ours halves the driver's work
     *                          after each DDL statement.
     */
    public static CqlSession open(List<InetSocketAddress> contactPoints, String localDatacenter,
            Duration requestTimeout, List<String> metadataKeyspaces) {
        Objects.requireNonNull(localDatacenter, "localDatacenter");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (contactPoints.isEmpty()) {
            throw new IllegalArgumentException("contactPoints must name at least one node");
        }
        OptionsMap options = options(requestTimeout);
        if (!metadataKeyspaces.isEmpty()) {
            options.put(TypedDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES, List.copyOf(metadataKeyspaces));
        }
        return CqlSession.builder()
                .addContactPoints(contactPoints)
                .withLocalDatacenter(localDatacenter)
                .withConfigLoader(DriverConfigLoader.fromMap(options))
                .build();
    }

    private static OptionsMap options(Duration requestTimeout) {
        OptionsMap options = OptionsMap.driverDefaults();
        options.put(TypedDriverOption.SESSION_NAME, "outcome-store");
        options.put(TypedDriverOption.REQUEST_TIMEOUT, requestTimeout);
        // a quorum in the local datacenter: read-your-writes once RF > 1, the same as ONE on one node
        options.put(TypedDriverOption.REQUEST_CONSISTENCY, DefaultConsistencyLevel.LOCAL_QUORUM.name());
        options.put(TypedDriverOption.CONNECTION_CONNECT_TIMEOUT, Duration.ofSeconds(5));
        options.put(TypedDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5));
        options.put(TypedDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(5));
        options.put(TypedDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(15));
        options.put(TypedDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(15));
        // the default 1 s debounce made every DDL statement take ~1.1 s; 10 ms brings it to 10-130 ms
        options.put(TypedDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(10));
        // a node back from a restart is used again within seconds (the default waits up to a minute),
        // so journaled outcomes reach it soon
        options.put(TypedDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(5));
        // close() comes after the last request: Netty's 2 s quiet period would only delay shutdown
        options.put(TypedDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0);
        options.put(TypedDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0);
        return options;
    }
}
