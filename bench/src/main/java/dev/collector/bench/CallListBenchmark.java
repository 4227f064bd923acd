package dev.collector.bench;

import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.CaseQueueMaintenance;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.compliance.window.CallingWindow;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.domain.casework.DialLease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The call list (module case-queue) under load: 500,000 cases admitted into one campaign, then
 * dialer workers that each loop {@code leaseNext} → {@code callEnded(NO_ANSWER)}, on one embedded
 * Hazelcast member and on a three-member cluster on loopback. Writes {@code results/call-list.md}
 * and {@code results/call-list.csv} under the directory given as the first argument (default
 * {@code bench}).
 *
 * <p>Sizes come from system properties: {@code callList.cases} (500000), {@code callList.admitThreads}
 * (16), {@code callList.workers} (8), {@code callList.warmup} (5000), {@code callList.cycles} (50000),
 * {@code callList.members} (the scenarios, "1,3"). Real time throughout: a case that did not answer
 * is retried by the schedule three hours later, so each cycle takes a different case and the
 * waiting count falls by one per cycle.
 */
public final class CallListBenchmark {

    private static final String CAMPAIGN = "bench";
    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
    /** Where each scenario's members listen: 5911 alone, 5921-5923 for three. */
    private static final Map<Integer, Integer> BASE_PORTS = Map.of(1, 5911, 3, 5921);

    record Settings(int cases, int admitThreads, int workers, int warmup, int cycles, List<Integer> memberCounts) {

        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("callList.cases", 500_000),
                    Integer.getInteger("callList.admitThreads", 16), Integer.getInteger("callList.workers", 8),
                    Integer.getInteger("callList.warmup", 5_000), Integer.getInteger("callList.cycles", 50_000),
                    Arrays.stream(System.getProperty("callList.members", "1,3").split(","))
                            .map(String::trim).map(Integer::valueOf).toList());
        }
    }

    /** Latencies in nanoseconds, sorted. */
    record Latencies(long[] sorted) {

        static Latencies of(long[] nanos) {
            long[] copy = nanos.clone();
            Arrays.sort(copy);
            return new Latencies(copy);
        }

        double percentileMs(double q) {
            int index = Math.max(0, (int) Math.ceil(q * sorted.length) - 1);
            return sorted[index] / 1e6;
        }

        double maxMs() {
            return sorted[sorted.length - 1] / 1e6;
        }

        double meanMs() {
            return Arrays.stream(sorted).average().orElse(0) / 1e6;
        }
    }

    record Result(String scenario, int members, int cases, double admitSeconds, int waitingBefore, int waitingAfter,
                  int cycles, double cycleSeconds, int emptyLeases, Latencies leaseNext, Latencies callEnded,
                  long heapAfterAdmissionMb, long gcMillisDuringCycles) {

        double admitPerSecond() {
            return cases / admitSeconds;
        }

        double cyclesPerSecond() {
            return cycles / cycleSeconds;
        }
    }

    private CallListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench").resolve("results");
        Settings settings = Settings.fromSystemProperties();
        Runtime runtime = Runtime.getRuntime();
        String machine = String.format(Locale.ROOT, "%d cores, %s %s (%s), max heap %d MB, %s %s",
                runtime.availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
                runtime.maxMemory() >> 20, System.getProperty("os.name"), System.getProperty("os.arch"));
        System.out.println("Machine: " + machine);
        System.out.println("Settings: " + settings);

        long started = System.nanoTime();
        List<Result> results = new ArrayList<>();
        for (int members : settings.memberCounts()) {
            Integer basePort = BASE_PORTS.get(members);
            results.add(run(members, basePort != null ? basePort : 5931, settings));
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        String markdown = markdown(results, settings, machine, seconds);
        System.out.println(markdown);
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("call-list.md"), markdown);
            Files.writeString(out.resolve("call-list.csv"), csv(results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Wrote " + out.resolve("call-list.md") + " and call-list.csv"
                + String.format(Locale.ROOT, " (%.1f s)", seconds));
        System.exit(0); // Hazelcast's remaining threads would otherwise keep the JVM a while
    }

    static Result run(int memberCount, int basePort, Settings settings) throws Exception {
        String scenario = memberCount == 1 ? "1 member" : memberCount + " members";
        String cluster = "call-list-bench-" + memberCount + "-" + ProcessHandle.current().pid();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            addresses.add("127.0.0.1:" + (basePort + i));
        }
        List<HazelcastInstance> members = new ArrayList<>();
        List<ExecutorService> pools = new ArrayList<>();
        List<HazelcastCallList> lists = new ArrayList<>();
        List<CaseQueueMaintenance> maintenances = new ArrayList<>();
        try {
            for (int i = 0; i < memberCount; i++) {
                members.add(HazelcastMember.start(new HazelcastSettings(cluster, "127.0.0.1", basePort + i,
                        memberCount > 1 ? addresses : List.of())));
            }
            if (members.get(0).getCluster().getMembers().size() != memberCount) {
                throw new IllegalStateException("cluster formed with " + members.get(0).getCluster().getMembers().size()
                        + " members, expected " + memberCount);
            }
            for (HazelcastInstance member : members) {
                // Each node's worker pool, as the dialer node gives it one; big enough that the
                // admitting threads and the dialer workers never wait for a pool thread.
                ExecutorService pool = Executors.newFixedThreadPool(
                        Math.max(settings.admitThreads(), settings.workers()), daemon("call-list-worker"));
                pools.add(pool);
                lists.add(new HazelcastCallList(member, pool, CaseQueueSettings.defaults(),
                        new InMemoryComplianceAudit(), Clock.systemUTC()));
            }
            lists.get(0).defineRules(openAllDay(CAMPAIGN)).toCompletableFuture().get();
            System.out.printf(Locale.ROOT, "[%s] cluster of %d up; admitting %,d cases with %d threads%n",
                    scenario, memberCount, settings.cases(), settings.admitThreads());

            Instant receivedAt = Instant.now();
            long admitStart = System.nanoTime();
            AtomicInteger admitted = new AtomicInteger();
            inParallel(settings.admitThreads(), settings.cases(), i -> {
                lists.get(i % lists.size()).admit(aCase(i, receivedAt)).toCompletableFuture().join();
                int done = admitted.incrementAndGet();
                if (done % 100_000 == 0) {
                    System.out.printf(Locale.ROOT, "[%s]   %,d admitted (%.1f s)%n", scenario, done,
                            (System.nanoTime() - admitStart) / 1e9);
                }
            });
            double admitSeconds = (System.nanoTime() - admitStart) / 1e9;
            long heapMb = heapUsedAfterGc() >> 20;
            int waitingBefore = lists.get(0).waiting(CAMPAIGN).toCompletableFuture().get();
            System.out.printf(Locale.ROOT, "[%s] admitted in %.1f s (%.0f/s); heap used %d MB; waiting %,d%n",
                    scenario, admitSeconds, settings.cases() / admitSeconds, heapMb, waitingBefore);

            // As in production, every member runs the maintenance during dialing.
            for (HazelcastCallList list : lists) {
                maintenances.add(list.maintenance().start());
            }
            AtomicInteger empty = new AtomicInteger();
            dial(lists, settings.workers(), settings.warmup(), new long[settings.warmup()],
                    new long[settings.warmup()], empty);
            System.out.printf(Locale.ROOT, "[%s] warm-up of %,d cycles done; measuring %,d cycles with %d workers%n",
                    scenario, settings.warmup(), settings.cycles(), settings.workers());

            long[] leaseNanos = new long[settings.cycles()];
            long[] endedNanos = new long[settings.cycles()];
            long gcBefore = gcMillis();
            long cycleStart = System.nanoTime();
            dial(lists, settings.workers(), settings.cycles(), leaseNanos, endedNanos, empty);
            double cycleSeconds = (System.nanoTime() - cycleStart) / 1e9;
            long gcDuring = gcMillis() - gcBefore;
            int waitingAfter = lists.get(0).waiting(CAMPAIGN).toCompletableFuture().get();

            Result result = new Result(scenario, memberCount, settings.cases(), admitSeconds, waitingBefore,
                    waitingAfter, settings.cycles(), cycleSeconds, empty.get(), Latencies.of(leaseNanos),
                    Latencies.of(endedNanos), heapMb, gcDuring);
            System.out.printf(Locale.ROOT, "[%s] %,d cycles in %.1f s (%.0f/s), leaseNext p50 %.2f ms p99 %.2f ms, "
                            + "callEnded p50 %.2f ms p99 %.2f ms, GC %d ms, waiting %,d%n", scenario, result.cycles(),
                    cycleSeconds, result.cyclesPerSecond(), result.leaseNext().percentileMs(0.5),
                    result.leaseNext().percentileMs(0.99), result.callEnded().percentileMs(0.5),
                    result.callEnded().percentileMs(0.99), gcDuring, waitingAfter);
            return result;
        } finally {
            maintenances.forEach(CaseQueueMaintenance::close);
            pools.forEach(ExecutorService::shutdownNow);
            members.forEach(HazelcastInstance::shutdown);
        }
    }

    /**
     * {@code count} take/lease/complete cycles over {@code workers} threads, worker w on node
     * w mod n: lease the next case, report the call unanswered. Latency of each step into the arrays.
     */
    private static void dial(List<HazelcastCallList> lists, int workers, int count, long[] leaseNanos,
                             long[] endedNanos, AtomicInteger empty) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(workers, daemon("dialer-worker"));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                HazelcastCallList list = lists.get(w % lists.size());
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        Optional<DialLease> lease = list.leaseNext(CAMPAIGN).toCompletableFuture().join();
                        long t1 = System.nanoTime();
                        leaseNanos[i] = t1 - t0;
                        if (lease.isEmpty()) {
                            empty.incrementAndGet();
                            continue;
                        }
                        list.callEnded(lease.get(), unanswered(lease.get())).toCompletableFuture().join();
                        endedNanos[i] = System.nanoTime() - t1;
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Runs {@code task} for 0..count-1 on {@code threads} threads and waits for all. */
    private static void inParallel(int threads, int count, IntConsumer task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("admitting"));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        task.accept(i);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Case i: its own debtor and number, priority 1-10, debts 1-365 days past due, 100-50,099 CZK. */
    static Case aCase(int i, Instant receivedAt) {
        String id = String.format(Locale.ROOT, "%07d", i);
        return new Case("case-" + id, CAMPAIGN, new Debtor("debtor-" + id, "Debtor " + id),
                List.of(new Claim("claim-" + id, BigDecimal.valueOf(100 + (i * 7919L) % 50_000), "CZK",
                        LocalDate.of(2026, 1, 1).minusDays(i % 365))),
                List.of(String.format(Locale.ROOT, "+420%09d", 600_000_000 + i)), PRAGUE, 1 + i % 10, receivedAt);
    }

    /** Calling window open around the clock, so that the run does not depend on the time of day. */
    static CampaignRules openAllDay(String campaignId) {
        return new CampaignRules(campaignId,
                ContactRules.strictest().withWindow(CallingWindow.everyDay(LocalTime.MIN, LocalTime.MAX)), Map.of());
    }

    private static CallAttempt unanswered(DialLease lease) {
        return new CallAttempt(lease.attemptId(), lease.caseId(), lease.aCase().campaignId(), lease.phoneNumber(),
                Optional.empty(), lease.leasedAt(), Optional.empty(), Instant.now(), CallResult.NO_ANSWER, 19);
    }

    private static long heapUsedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static String markdown(List<Result> results, Settings s, String machine, double seconds) {
        StringBuilder md = new StringBuilder();
        md.append("# Call list benchmark\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %s. Wall time %.1f s.%n%n", machine, seconds));
        md.append(String.format(Locale.ROOT, "%,d cases admitted into one campaign by %d threads (distinct debtors, "
                        + "priorities 1-10, Europe/Prague, one +420 number each), then %d dialer workers spread over "
                        + "the members' call lists loop leaseNext → callEnded(NO_ANSWER): %,d cycles of warm-up, "
                        + "%,d measured. Maintenance runs on every member while dialing. Heap is the whole JVM "
                        + "(all members and their backups) after a full GC.%n%n",
                s.cases(), s.admitThreads(), s.workers(), s.warmup(), s.cycles()));
        md.append("| scenario | cases | admit/s | admit total s | heap after admission MB | cycles/s "
                + "| leaseNext p50 ms | leaseNext p99 ms | leaseNext max ms | callEnded p50 ms | callEnded p99 ms "
                + "| callEnded max ms | waiting start → end | empty leases | GC ms while dialing |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT,
                    "| %s | %,d | %,.0f | %.1f | %,d | %,.0f | %.2f | %.2f | %.1f | %.2f | %.2f | %.1f | %,d → %,d | %d | %,d |%n",
                    r.scenario(), r.cases(), r.admitPerSecond(), r.admitSeconds(), r.heapAfterAdmissionMb(),
                    r.cyclesPerSecond(), r.leaseNext().percentileMs(0.5), r.leaseNext().percentileMs(0.99),
                    r.leaseNext().maxMs(), r.callEnded().percentileMs(0.5), r.callEnded().percentileMs(0.99),
                    r.callEnded().maxMs(), r.waitingBefore(), r.waitingAfter(), r.emptyLeases(),
                    r.gcMillisDuringCycles()));
        }
        return md.toString();
    }

    private static String csv(List<Result> results) {
        StringBuilder csv = new StringBuilder("scenario,members,cases,admit_seconds,admit_per_second,"
                + "heap_after_admission_mb,cycles,cycle_seconds,cycles_per_second,lease_next_mean_ms,lease_next_p50_ms,"
                + "lease_next_p99_ms,lease_next_max_ms,call_ended_mean_ms,call_ended_p50_ms,call_ended_p99_ms,"
                + "call_ended_max_ms,waiting_start,waiting_end,empty_leases,gc_ms_while_dialing\n");
        for (Result r : results) {
            csv.append(String.format(Locale.ROOT,
                    "%s,%d,%d,%.2f,%.1f,%d,%d,%.2f,%.1f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%d,%d,%d,%d%n",
                    r.scenario(), r.members(), r.cases(), r.admitSeconds(), r.admitPerSecond(),
                    r.heapAfterAdmissionMb(), r.cycles(), r.cycleSeconds(), r.cyclesPerSecond(),
                    r.leaseNext().meanMs(), r.leaseNext().percentileMs(0.5), r.leaseNext().percentileMs(0.99),
                    r.leaseNext().maxMs(), r.callEnded().meanMs(), r.callEnded().percentileMs(0.5),
                    r.callEnded().percentileMs(0.99), r.callEnded().maxMs(), r.waitingBefore(), r.waitingAfter(),
                    r.emptyLeases(), r.gcMillisDuringCycles()));
        }
        return csv.toString();
    }
}
