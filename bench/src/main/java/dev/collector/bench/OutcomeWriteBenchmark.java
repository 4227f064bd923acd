package dev.collector.bench;

import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.outcomes.OutcomeStoreSettings;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outcome writes per second to one local Cassandra node, and their latency: what an agent floor's
 * dispositions cost the outcome store. Each outcome is what {@code ContactHistory.recordOutcome}
 * writes (three rows: by case, by agent and day, by campaign and hour), asynchronously with a fixed
 * number in flight. A warm-up round runs first; the measured round follows on the same session.
 * Not a test: prints and writes its figures ({@code bench/results/outcome-writes.md}).
 *
 * <p>{@code -DoutcomeWrites.count=200000 -DoutcomeWrites.inFlight=96 -DoutcomeWrites.heap=512m}. Each
 * run starts on an empty data directory: what earlier runs left would be compacted during this one.
 */
public final class OutcomeWriteBenchmark {

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args.length > 0 ? args[0] : "bench");
        int count = Integer.getInteger("outcomeWrites.count", 200_000);
        int inFlight = Integer.getInteger("outcomeWrites.inFlight", 96);
        Runtime runtime = Runtime.getRuntime();
        String machine = String.format("%d cores, %s %s, %s %s", runtime.availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.name"),
                System.getProperty("os.arch"));
        String heap = System.getProperty("outcomeWrites.heap", "512m");
        Path dataDir = base.resolve("target/outcome-writes-cassandra").toAbsolutePath();
        deleteRecursively(dataDir);
        OutcomeStoreSettings settings = OutcomeStoreSettings.fromProperties(Map.of(
                OutcomeStoreSettings.NODE_DATA_DIR, dataDir.toString(),
                OutcomeStoreSettings.NODE_CQL_PORT, "19342",
                OutcomeStoreSettings.NODE_STORAGE_PORT, "17300",
                OutcomeStoreSettings.NODE_SSL_STORAGE_PORT, "17301",
                OutcomeStoreSettings.NODE_JMX_PORT, "17399",
                OutcomeStoreSettings.NODE_HEAP, heap,
                OutcomeStoreSettings.KEYSPACE, "outcome_bench"));
        try (OutcomeStore store = OutcomeStore.open(settings)) {
            ContactHistory history = store.contactHistory();
            System.out.println("warm-up: " + Math.min(count, 50_000) + " outcomes");
            run(history, "warm", Math.min(count, 50_000), inFlight);
            Result result = run(history, "run", count, inFlight);
            String report = String.format("""
                    # Outcome writes to one local Cassandra node

                    `OutcomeWriteBenchmark`: %,d outcomes through `CassandraContactHistory.recordOutcome`, %d in
                    flight, after a warm-up of %,d. Each outcome is four writes (by case, by agent and day, by
                    campaign and hour, and the debtor's routing memory as one batch of one or two rows: a third of
                    the outcomes are promises, remembered as a success too), %.2f rows on average. Client and
                    Cassandra node (separate JVM, heap %s, empty data directory) on the same machine.

                    | figure | value |
                    |---|---|
                    | outcomes written per second | %,.0f |
                    | writes (statements) per second | %,.0f |
                    | rows written per second | %,.0f |
                    | p50 latency per outcome | %.2f ms |
                    | p99 latency per outcome | %.2f ms |
                    | max latency | %.2f ms |
                    | failed writes | %d |

                    Machine: %s. Command:
                    `mvn -B -q install -DskipTests -pl bench -am && mvn -B -q -pl bench exec:exec@outcome-writes -DoutcomeWrites.jvmArgs=-DoutcomeWrites.heap=%s`
                    """, count, inFlight, Math.min(count, 50_000), ROWS_PER_OUTCOME, heap, result.perSecond(),
                    result.perSecond() * WRITES_PER_OUTCOME, result.perSecond() * ROWS_PER_OUTCOME,
                    result.p50Ms(), result.p99Ms(), result.maxMs(), result.failures(), machine, heap);
            System.out.println(report);
            Path file = base.resolve("results/outcome-writes.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        }
    }

    /** By case, by agent and day, by campaign and hour, routing memory. */
    private static final int WRITES_PER_OUTCOME = 4;
    /** Those four, and a second routing-memory row (SUCCESS) for the third of outcomes that are promises. */
    private static final double ROWS_PER_OUTCOME = 4 + 1.0 / 3;

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private record Result(double perSecond, double p50Ms, double p99Ms, double maxMs, long failures) {
    }

    private static Result run(ContactHistory history, String round, int count, int inFlight) throws Exception {
        Semaphore slots = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(count);
        long[] latencies = new long[count];
        AtomicLong failures = new AtomicLong();
        Instant day = Instant.parse("2026-11-23T08:00:00Z");
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Disposition disposition = i % 3 == 0
                    ? new Disposition.PromiseToPay(new BigDecimal("125.50"), LocalDate.of(2026, 12, 1))
                    : i % 3 == 1 ? new Disposition.NoContact() : new Disposition.Refused();
            Outcome outcome = new Outcome(round + "-attempt-" + i, "case-" + (i % 50_000), "bench",
                    "debtor-" + (i % 50_000), "agent-" + (i % 200), disposition, "", day.plusMillis(i * 100L));
            slots.acquire();
            int index = i;
            long start = System.nanoTime();
            history.recordOutcome(outcome).whenComplete((ok, failure) -> {
                latencies[index] = System.nanoTime() - start;
                if (failure != null) {
                    failures.incrementAndGet();
                }
                slots.release();
                done.countDown();
            });
        }
        done.await();
        double seconds = (System.nanoTime() - begin) / 1e9;
        Arrays.sort(latencies);
        Result result = new Result(count / seconds, latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6,
                latencies[count - 1] / 1e6, failures.get());
        System.out.printf("%s: %,d outcomes in %.1f s: %,.0f/s, p99 %.2f ms, %d failed%n", round, count, seconds,
                result.perSecond(), result.p99Ms(), result.failures());
        return result;
    }
}
