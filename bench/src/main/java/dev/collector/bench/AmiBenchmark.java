package dev.collector.bench;

import dev.collector.dialer.ami.AmiConnection;
import dev.collector.dialer.ami.AmiSettings;
import dev.collector.dialer.ami.OriginateRequest;
import dev.collector.dialer.ami.TimedSignal;
import dev.collector.dialer.call.LiveCall;
import dev.collector.domain.agent.Agent;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.pbx.PbxSimulator;
import dev.collector.pbx.SimulatorSettings;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One dialer's telephony path against the PBX simulator over TCP: originates at a fixed rate through
 * {@link AmiConnection} (Asterisk-Java), every call followed by its {@link LiveCall} state machine on
 * one Vert.x event loop, as the campaign dialer does. The simulator stamps its events
 * ({@code timestampevents}), so the lag from an event being raised to its signal being applied on the
 * event loop is measured per event. Simulator and dialer share this JVM and its cores.
 *
 * <p>Debtors as the simulator's defaults (40 % answer, 10 % machine, 15 % busy, 15 % congestion, 20 %
 * no answer; rings 5-20 s, talks 3 min on average) at a time scale of 0.1, answered calls bridged to
 * PJSIP agents at once. Properties: {@code ami.rates} (originates/s, comma-separated, default
 * 200,300), {@code ami.seconds} (measured, default 40), {@code ami.warmup} (default 10),
 * {@code ami.timeScale} (default 0.1), {@code ami.events} (event classes at login, default {@code call}; {@code on}
 * adds the dialplan trace AMD needs).
 *
 * <pre>mvn -B -q install -DskipTests -pl bench -am && mvn -B -q -pl bench exec:exec@ami</pre>
 */
public final class AmiBenchmark {

    private static final Duration RING_TIMEOUT = Duration.ofSeconds(25);
    /** The event classes the dialer logs in for: {@code call} without AMD (the default), {@code on} with. */
    private static final String EVENTS = System.getProperty("ami.events", AmiSettings.CALL_EVENTS);

    private AmiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path baseDir = Path.of(args.length > 0 ? args[0] : ".");
        int[] rates = Arrays.stream(System.getProperty("ami.rates", "200,300").split(","))
                .mapToInt(r -> Integer.parseInt(r.trim())).toArray();
        int seconds = Integer.getInteger("ami.seconds", 40);
        int warmup = Integer.getInteger("ami.warmup", 10);
        double timeScale = Double.parseDouble(System.getProperty("ami.timeScale", "0.1"));

        List<Result> results = new ArrayList<>();
        for (int rate : rates) {
            Result result = run(rate, warmup, seconds, timeScale);
            System.out.println(result.line());
            results.add(result);
        }
        String report = report(results, seconds, warmup, timeScale);
        System.out.println(report);
        Path out = baseDir.resolve("results").resolve("ami.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.exit(0);
    }

    private static Result run(int rate, int warmupSeconds, int seconds, double timeScale) throws Exception {
        SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(timeScale).withSeed(7);
        try (PbxSimulator pbx = PbxSimulator.start(settings)) {
            pbx.timestampEvents(true);
            Vertx vertx = Vertx.vertx();
            AmiConnection ami = new AmiConnection(new AmiSettings("127.0.0.1", pbx.port(), settings.username(),
                    settings.secret()).withEvents(EVENTS));
            Context context = vertx.getOrCreateContext();
            Run run = new Run(rate, ami, context);
            ami.onTimedSignal(signal -> context.runOnContext(v -> run.handle(signal)));
            ami.connect();
            long cpuBefore = processCpuNanos();
            run.start(vertx);
            Thread.sleep(warmupSeconds * 1000L);
            context.runOnContext(v -> run.startMeasuring());
            long measuredFrom = System.nanoTime();
            long cpuFrom = processCpuNanos();
            Thread.sleep(seconds * 1000L);
            java.util.concurrent.CompletableFuture<Result> done = new java.util.concurrent.CompletableFuture<>();
            double elapsed = (System.nanoTime() - measuredFrom) / 1e9;
            double cpu = (processCpuNanos() - cpuFrom) / 1e9;
            context.runOnContext(v -> done.complete(run.result(elapsed, cpu, pbx.stats().activeChannels())));
            Result result = done.get();
            run.stop(vertx);
            ami.close();
            vertx.close().await();
            return result;
        }
    }

    /** Everything of one run lives on the event loop, as the campaign dialer's state does. */
    private static final class Run {
        private final int rate;
        private final AmiConnection ami;
        private final Context context;
        private final Map<String, LiveCall> calls = new HashMap<>();
        private final Case aCase = new Case("case-bench", "bench", new Debtor("d-bench", "Bench Debtor"),
                List.of(new Claim("cl-bench", new BigDecimal("100.00"), "EUR", LocalDate.of(2026, 1, 1))),
                List.of("+420601000001"), ZoneId.of("Europe/Prague"), 5, Instant.now());
        private final Map<CallResult, Integer> ended = new EnumMap<>(CallResult.class);
        private long[] lagMicros = new long[1 << 20];
        private int lags;
        private long sequence;
        private long startedNanos;
        private long pacer;
        private long sampler;
        private boolean measuring;
        private long sent;
        private long refused;
        private long sentMeasured;
        private long endedMeasured;
        private long concurrentSum;
        private long concurrentSamples;
        private int concurrentMax;

        Run(int rate, AmiConnection ami, Context context) {
            this.rate = rate;
            this.ami = ami;
            this.context = context;
        }

        void start(Vertx vertx) {
            context.runOnContext(v -> {
                startedNanos = System.nanoTime();
                pacer = vertx.setPeriodic(10, id -> pace());
                sampler = vertx.setPeriodic(100, id -> sample());
            });
        }

        void stop(Vertx vertx) {
            context.runOnContext(v -> {
                vertx.cancelTimer(pacer);
                vertx.cancelTimer(sampler);
            });
        }

        void startMeasuring() {
            measuring = true;
        }

        /** Catches up with the rate: as many originates as are due by now. */
        private void pace() {
            long due = (System.nanoTime() - startedNanos) * rate / 1_000_000_000L;
            while (sequence < due) {
                long n = sequence++;
                String id = "bench-" + n;
                String agent = "PJSIP/agent-" + (n % 500);
                LiveCall call = calls.computeIfAbsent(id, k -> new LiveCall(id, aCase, "+420601000001",
                        new Agent("agent-" + (n % 500), "Agent", agent), Instant.now()));
                boolean placed = ami.originate(new OriginateRequest(id, "Local/42060" + (1_000_000 + n % 9_000_000)
                        + "@debtors", "collector-connect", "agent", 1, RING_TIMEOUT, "Collector <100>",
                        Map.of("AGENT_ENDPOINT", agent)));
                if (placed) {
                    sent++;
                    if (measuring) {
                        sentMeasured++;
                    }
                } else {
                    calls.remove(call.attemptId());
                    refused++;
                }
            }
        }

        private void sample() {
            if (measuring) {
                concurrentSum += calls.size();
                concurrentSamples++;
                concurrentMax = Math.max(concurrentMax, calls.size());
            }
        }

        void handle(TimedSignal timed) {
            Instant now = Instant.now();
            if (measuring && timed.raisedAt().isPresent()) {
                Duration lag = Duration.between(timed.raisedAt().get(), now);
                if (lags == lagMicros.length) {
                    lagMicros = Arrays.copyOf(lagMicros, lags * 2);
                }
                lagMicros[lags++] = lag.toNanos() / 1000;
            }
            LiveCall call = calls.get(timed.signal().attemptId());
            if (call == null) {
                return;
            }
            if (call.apply(timed.signal(), now) == LiveCall.Step.ENDED) {
                calls.remove(call.attemptId());
                if (measuring) {
                    endedMeasured++;
                    ended.merge(call.result(), 1, Integer::sum);
                }
            }
        }

        Result result(double seconds, double cpuSeconds, long simulatorChannels) {
            measuring = false;
            long[] sorted = Arrays.copyOf(lagMicros, lags);
            Arrays.sort(sorted);
            return new Result(rate, sentMeasured / seconds, endedMeasured / seconds,
                    concurrentSamples == 0 ? 0 : (double) concurrentSum / concurrentSamples, concurrentMax,
                    simulatorChannels, lags, percentile(sorted, 0.50), percentile(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1], refused, cpuSeconds / seconds,
                    new EnumMap<>(ended));
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
        }
    }

    private record Result(int targetRate, double originatesPerSecond, double endedPerSecond, double concurrentAvg,
                          int concurrentMax, long simulatorChannelsAtEnd, int events, double lagP50Ms,
                          double lagP99Ms, long lagMaxMicros, long refused, double coresUsed,
                          Map<CallResult, Integer> results) {
        String line() {
            return String.format(Locale.ROOT,
                    "target %d/s: %.1f originates/s, %.1f ended/s, concurrent avg %.0f max %d, simulator channels %d,"
                            + " %d events, lag p50 %.2f ms p99 %.2f ms max %.1f ms, refused %d, cores used %.2f, %s",
                    targetRate, originatesPerSecond, endedPerSecond, concurrentAvg, concurrentMax,
                    simulatorChannelsAtEnd, events, lagP50Ms, lagP99Ms, lagMaxMicros / 1000.0, refused, coresUsed,
                    results);
        }
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private static String report(List<Result> results, int seconds, int warmup, double timeScale) {
        StringBuilder out = new StringBuilder();
        out.append("# AMI adapter against the PBX simulator\n\n");
        out.append("`AmiBenchmark`: originates at a fixed rate through `AmiConnection` (Asterisk-Java over TCP) to the\n")
                .append("PBX simulator, each call followed by its `LiveCall` on one Vert.x event loop. Debtors: the\n")
                .append("simulator's defaults at time scale ").append(timeScale)
                .append(" (answered calls bridged to PJSIP agents). Lag: from the\n")
                .append("simulator raising an event (`Timestamp` header, as `timestampevents = yes`) to its signal\n")
                .append("being applied on the event loop. ").append(warmup).append(" s warm-up, then ")
                .append(seconds).append(" s measured. Simulator and dialer in one JVM. Events at login: `")
                .append(EVENTS).append("`. Load average at the end: ")
                .append(String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(" (above 2, other work shared the 2 cores and the tail stretched with it).\n\n");
        out.append("| target originates/s | originates/s | calls ended/s | concurrent calls avg / max |"
                + " simulator channels | events measured | lag p50 | lag p99 | lag max | not placed | CPU cores used |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.0f / %d | %d | %,d | %.2f ms | %.2f ms | %.1f ms | %d | %.2f |%n",
                    r.targetRate(), r.originatesPerSecond(), r.endedPerSecond(), r.concurrentAvg(), r.concurrentMax(),
                    r.simulatorChannelsAtEnd(), r.events(), r.lagP50Ms(), r.lagP99Ms(), r.lagMaxMicros() / 1000.0,
                    r.refused(), r.coresUsed()));
        }
        out.append("\nResults of the calls ended while measured: ");
        for (Result r : results) {
            out.append(r.targetRate()).append("/s ").append(r.results()).append("; ");
        }
        out.append("\n\nMachine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", JVM options ").append(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X")).toList())
                .append(". Command:\n`mvn -B -q install -DskipTests -pl bench -am && mvn -B -q -pl bench exec:exec@ami`\n");
        return out.toString();
    }
}
