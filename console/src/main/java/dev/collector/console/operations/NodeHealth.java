package dev.collector.console.operations;

import java.util.Map;

/**
 * Whether the parts a node needs answer, as last checked: part name (hazelcast, cassandra, ami,
 * grpc) to up or down. The checks run in the background; reading this never waits on a part.
 */
@FunctionalInterface
public interface NodeHealth {

    Map<String, Boolean> parts();

    /** A console on its own: nothing to report but itself. */
    static NodeHealth none() {
        return Map::of;
    }
}
