package dev.collector.statestore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * How a map store waits for Cassandra: one call at a time with a backstop timeout, or many with a
 * bound on how many are in flight. Hazelcast calls the store on its own threads, where blocking is
 * allowed; errors name the map and what was being done.
 */
final class BoundedRequests {

    /** Requests in flight for one bulk call: enough to hide round trips, far below the driver's per-connection limit. */
    static final int MAX_IN_FLIGHT = 64;

    private final String mapName;
    private final Duration sessionTimeout;

    BoundedRequests(String mapName, Duration sessionTimeout) {
        this.mapName = mapName;
        this.sessionTimeout = sessionTimeout;
    }

    /**
     * Runs {@code operation} on every item with at most {@value #MAX_IN_FLIGHT} in flight, and
     * waits for all. After the first failure no new operation starts (with Cassandra down, each
     * would only wait for its own timeout); the items that succeeded are removed from
     * {@code items} when it allows it (the map or keys Hazelcast passed), so that a write-behind
     * store would retry only the rest.
     *
     * @throws IllegalStateException naming how many failed, with the first failure as cause
     */
    <T> void forEach(Collection<T> items, Function<T, CompletionStage<?>> operation,
            String what) {
        Semaphore permits = new Semaphore(MAX_IN_FLIGHT);
        Set<T> done = ConcurrentHashMap.newKeySet();
        Map<T, Throwable> failed = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> started = new ArrayList<>(items.size());
        for (T item : items) {
            acquire(permits, what);
            if (!failed.isEmpty()) {
                permits.release();
                break;
            }
            CompletableFuture<?> future;
            try {
                future = operation.apply(item).toCompletableFuture();
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            started.add(future.whenComplete((result, error) -> {
                if (error == null) {
                    done.add(item);
                } else {
                    failed.put(item, error);
                }
                permits.release();
            }));
        }
        // every started call ends, failed or not, before this returns: none is left writing behind our back
        await(CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).handle((ok, error) -> null), what);
        if (!failed.isEmpty()) {
            int notStarted = items.size() - started.size();
            try {
                items.removeAll(done);
            } catch (UnsupportedOperationException e) {
                // an unmodifiable argument: the caller retries everything, which is harmless (idempotent)
            }
            Throwable first = failed.values().iterator().next();
            throw new IllegalStateException("Map " + mapName + ": " + what + " failed for " + failed.size() + " of "
                    + started.size() + " started (" + done.size() + " done, " + notStarted + " not started): "
                    + first.getMessage(), first);
        }
    }

    private void acquire(Semaphore permits, String what) {
        try {
            if (!permits.tryAcquire(sessionTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Map " + mapName + ": " + what + " waited " + sessionTimeout
                        + " for a request slot");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Map " + mapName + ": interrupted during " + what, e);
        }
    }

    /**
     * Waits for a driver call. The driver's request timeout ends it first; the session timeout is
     * only a backstop against a call that never completes.
     */
    <T> T await(CompletionStage<T> stage, String what) {
        try {
            return stage.toCompletableFuture().get(sessionTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Map " + mapName + ": " + what + " failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Map " + mapName + ": " + what + " had no answer after " + sessionTimeout,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Map " + mapName + ": interrupted during " + what, e);
        }
    }
}
