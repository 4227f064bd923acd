package dev.collector.dialer.window;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the counts in this JVM only: for tests and for a node run without durable state. */
public final class InMemoryAbandonWindowStore implements AbandonWindowStore {

    private final Map<String, WindowCounts> counts = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Optional<WindowCounts>> load(String campaignId) {
        return CompletableFuture.completedFuture(Optional.ofNullable(counts.get(campaignId)));
    }

    @Override
    public CompletionStage<Void> save(String campaignId, WindowCounts value) {
        counts.put(campaignId, value);
        return CompletableFuture.completedFuture(null);
    }
}
