package dev.collector.app.monitoring;

import dev.collector.console.operations.NodeHealth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the node's parts every two seconds in the background, each with a deadline, and keeps the
 * answers for {@code /health/ready}, the wall and the metrics: a part that hangs is down, and no
 * reader waits on it. A part changing state is logged once.
 */
public final class PartsHealth implements NodeHealth, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartsHealth.class);
    private static final long CHECK_EVERY_MS = 2000;
    private static final long DEADLINE_MS = 2000;

    private final Map<String, Callable<Boolean>> checks = new ConcurrentHashMap<>();
    private final Map<String, Boolean> last = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("health-timer"));
    private final ExecutorService probes = Executors.newCachedThreadPool(daemon("health-probe"));

    public PartsHealth start() {
        timer.scheduleWithFixedDelay(this::checkAll, 0, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Checks the part from now on; checked once at once, so readiness knows it before the next round. */
    public void watch(String part, Callable<Boolean> check) {
        checks.put(part, check);
        last.put(part, probe(part, check));
    }

    @Override
    public Map<String, Boolean> parts() {
        return new LinkedHashMap<>(last);
    }

    private void checkAll() {
        checks.forEach((part, check) -> {
            boolean up = probe(part, check);
            Boolean before = last.put(part, up);
            if (before != null && before != up) {
                if (up) {
                    log.info("Health: {} is UP again", part);
                } else {
                    log.error("Health: {} is DOWN", part);
                }
            }
        });
    }

    private boolean probe(String part, Callable<Boolean> check) {
        Future<Boolean> answer = probes.submit(check);
        try {
            return Boolean.TRUE.equals(answer.get(DEADLINE_MS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            answer.cancel(true);
            log.debug("Health check of {} failed: {}", part, e.toString());
            return false;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
        probes.shutdownNow();
    }
}
