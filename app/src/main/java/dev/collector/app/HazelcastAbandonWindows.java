package dev.collector.app;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.collector.dialer.window.AbandonWindowStore;
import dev.collector.dialer.window.WindowCounts;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The campaigns' compliance-window counts in a Hazelcast map written through to Cassandra like the
 * case map (the composition root makes {@link #MAP} durable), so a restarted dialer paces on the
 * abandons it already spent. Async calls only: the dialer asks from its event loop.
 */
final class HazelcastAbandonWindows implements AbandonWindowStore {

    static final String MAP = "abandon-windows";

    private final IMap<String, WindowCounts> windows;

    HazelcastAbandonWindows(HazelcastInstance hazelcast) {
        this.windows = hazelcast.getMap(MAP);
    }

    @Override
    public CompletionStage<Optional<WindowCounts>> load(String campaignId) {
        return windows.getAsync(campaignId).thenApply(Optional::ofNullable);
    }

    @Override
    public CompletionStage<Void> save(String campaignId, WindowCounts counts) {
        return windows.setAsync(campaignId, counts);
    }
}
