package dev.collector.dialer.ami;

import dev.collector.dialer.call.CallSignal;
import dev.collector.dialer.call.LiveCall;
import dev.collector.domain.agent.Agent;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Follows calls as the dialer does: signals from the adapter (event thread or reconnect thread) are
 * applied to each {@link LiveCall} on one thread of its own, and every end is counted, so a test
 * can tell a call ended once from one ended twice.
 */
final class CallFollower implements AutoCloseable {

    final Map<String, LiveCall> calls = new ConcurrentHashMap<>();
    final Map<String, CompletableFuture<LiveCall>> ended = new ConcurrentHashMap<>();
    final Map<String, CompletableFuture<Void>> bridged = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> ends = new ConcurrentHashMap<>();
    private final ExecutorService dialerThread = Executors.newSingleThreadExecutor();

    CallFollower(PbxGateway pbx) {
        pbx.onSignal(signal -> dialerThread.execute(() -> apply(signal)));
    }

    private void apply(CallSignal signal) {
        LiveCall call = calls.get(signal.attemptId());
        if (call == null) {
            return;
        }
        switch (call.apply(signal, Instant.now())) {
            case CONNECTED_TO_AGENT -> bridged.get(signal.attemptId()).complete(null);
            case ENDED -> {
                ends.get(signal.attemptId()).incrementAndGet();
                ended.get(signal.attemptId()).complete(call);
            }
            case NOTHING -> { }
        }
    }

    /** Places a call to a simulated debtor whose answered leg dials the agent at once. */
    String dial(PbxGateway pbx, String id, Map<String, String> debtor, Duration ringTimeout) {
        return dial(pbx, id, "collector-connect", "agent", debtor, ringTimeout);
    }

    String dial(PbxGateway pbx, String id, String context, String exten, Map<String, String> variables,
                Duration ringTimeout) {
        follow(new LiveCall(id, aCase(), "+420601000001", new Agent("a1", "Anna", "Local/101@agents"), Instant.now()));
        Map<String, String> all = new HashMap<>(variables);
        all.putIfAbsent("AGENT_ENDPOINT", "Local/101@agents");
        if (!pbx.originate(new OriginateRequest(id, "Local/420601000001@debtors", context, exten, 1, ringTimeout,
                "Collector <100>", all))) {
            throw new AssertionError("originate of " + id + " not sent");
        }
        return id;
    }

    LiveCall follow(LiveCall call) {
        calls.put(call.attemptId(), call);
        ended.put(call.attemptId(), new CompletableFuture<>());
        bridged.put(call.attemptId(), new CompletableFuture<>());
        ends.put(call.attemptId(), new AtomicInteger());
        return call;
    }

    LiveCall endOf(String id) throws Exception {
        return ended.get(id).get(10, TimeUnit.SECONDS);
    }

    void awaitBridged(String id) throws Exception {
        bridged.get(id).get(10, TimeUnit.SECONDS);
    }

    /** Runs on the follower's thread, after every signal handed to it before. */
    <T> T read(java.util.concurrent.Callable<T> query) throws Exception {
        return dialerThread.submit(query).get(5, TimeUnit.SECONDS);
    }

    static void awaitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit);
            }
            Thread.sleep(10);
        }
    }

    static Case aCase() {
        return new Case("case-1", "demo", new Debtor("d-1", "Jana Novak"),
                List.of(new Claim("cl-1", new BigDecimal("250.00"), "EUR", LocalDate.of(2026, 9, 1))),
                List.of("+420601000001"), ZoneId.of("Europe/Prague"), 5, Instant.now());
    }

    @Override
    public void close() {
        dialerThread.shutdownNow();
    }
}
