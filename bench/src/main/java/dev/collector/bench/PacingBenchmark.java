package dev.collector.bench;

import dev.collector.dialer.pacing.AbandonRateGovernor;
import dev.collector.dialer.pacing.Predictive;
import dev.collector.dialer.pacing.Progressive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs issue 6's scenario grid: every method on the same debtors, one simulated 8-hour day per
 * scenario, and writes {@code results/pacing.md}, {@code results/pacing.csv} and a chart of talk
 * share against abandon rate, {@code results/pacing.png}, under the directory given as the first
 * argument (default {@code bench}).
 */
public final class PacingBenchmark {

    private static final long SEED = 20261123L;

    record Row(Scenario scenario, String method, String setting, DayResult result) {
    }

    private PacingBenchmark() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "bench").resolve("results");
        Runtime runtime = Runtime.getRuntime();
        String machine = String.format(Locale.ROOT, "%d cores, %s %s (%s), max heap %d MB, %s %s",
                runtime.availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
                runtime.maxMemory() >> 20, System.getProperty("os.name"), System.getProperty("os.arch"));
        System.out.println("Machine: " + machine);

        long started = System.nanoTime();
        List<Row> rows = grid().parallelStream()
                .flatMap(scenario -> runAll(scenario).stream())
                .collect(Collectors.toList());
        double seconds = (System.nanoTime() - started) / 1e9;

        String markdown = markdown(rows, machine, seconds);
        System.out.println(markdown);
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("pacing.md"), markdown);
            Files.writeString(out.resolve("pacing.csv"), csv(rows));
            TalkShareChart.write(rows, 0.10, out.resolve("pacing.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Wrote " + out.resolve("pacing.md") + ", pacing.csv and pacing.png"
                + String.format(Locale.ROOT, " (%.1f s, JVM uptime %d ms)", seconds,
                ManagementFactory.getRuntimeMXBean().getUptime()));
    }

    /** Stationary: 5/10/50/200 agents × answer 10/25/40 % × talk 60/180/300 s; drifting: 35 % → 12 %. */
    static List<Scenario> grid() {
        List<Scenario> grid = new ArrayList<>();
        for (int agents : new int[] {5, 10, 50, 200}) {
            for (double talk : new double[] {60, 180, 300}) {
                for (double rate : new double[] {0.10, 0.25, 0.40}) {
                    grid.add(Scenario.of(agents, rate, rate, talk, SEED));
                }
                grid.add(Scenario.of(agents, 0.35, 0.12, talk, SEED));
            }
        }
        return grid;
    }

    static List<Row> runAll(Scenario scenario) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(scenario, "progressive 1:1", "",
                DaySimulation.run(scenario, Pacer.of(new Progressive()))));
        OracleTuning.Tuned oracle = OracleTuning.tune(scenario);
        rows.add(new Row(scenario, "oracle-tuned fixed level", String.format(Locale.ROOT, "level %.3f",
                oracle.level()), oracle.result()));
        rows.add(new Row(scenario, "VICIdial ADAPT_TAPERED", "",
                DaySimulation.run(scenario, new VicidialAdaptiveTapered(scenario.daySeconds(),
                        scenario.abandonCap()))));
        rows.add(new Row(scenario, "Collector predictive", "",
                DaySimulation.run(scenario, collector())));
        rows.add(new Row(scenario, "hindsight bound", "", HindsightBound.run(scenario)));
        return rows;
    }

    /** Collector's method as the live dialer runs it: predictive under the abandon-rate governor. */
    static Pacer collector() {
        return Pacer.of(AbandonRateGovernor.around(Predictive.standard()));
    }

    private static String markdown(List<Row> rows, String machine, double seconds) {
        StringBuilder md = new StringBuilder();
        md.append("# Pacing benchmark\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %s. Wall time %.1f s. Seed %d.%n%n", machine, seconds, SEED));
        md.append("Each scenario is one simulated 8-hour day; all methods meet the same debtors. Answer after 5-20 s, ")
                .append("no-answer timeout 25 s, 30 % of the others reach a machine (detected at once), talk ")
                .append("exponential, wrap-up 20 s, abandoned if no agent within 2 s, cap 3 %.\n\n");
        md.append("| scenario | method | setting | talk share | abandon rate | calls/agent-hour | governed |\n");
        md.append("|---|---|---|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            DayResult r = row.result();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f %% | %.2f %% | %.1f | %.0f %% |%n",
                    row.scenario().name(), row.method(), row.setting(), r.talkShare() * 100, r.abandonRate() * 100,
                    r.callsPerAgentHour(), 100.0 * r.governedSeconds() / row.scenario().daySeconds()));
        }
        md.append("\n## Collector's method against the targets of issue 6\n\n");
        md.append("| scenario | abandon ≤ 3 % | talk vs oracle | talk vs VICIdial (its abandon) | share of hindsight bound |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (int i = 0; i + 4 < rows.size(); i += 5) {
            DayResult oracle = rows.get(i + 1).result();
            DayResult vicidial = rows.get(i + 2).result();
            DayResult collector = rows.get(i + 3).result();
            DayResult bound = rows.get(i + 4).result();
            md.append(String.format(Locale.ROOT, "| %s | %s (%.2f %%) | %.3f | %+.1f %% (%.2f %%) | %.3f |%n",
                    rows.get(i).scenario().name(), collector.abandonRate() <= 0.03 ? "yes" : "**no**",
                    collector.abandonRate() * 100, collector.talkShare() / oracle.talkShare(),
                    (collector.talkShare() / vicidial.talkShare() - 1) * 100, vicidial.abandonRate() * 100,
                    collector.talkShare() / bound.talkShare()));
        }
        return md.toString();
    }

    private static String csv(List<Row> rows) {
        StringBuilder csv = new StringBuilder(
                "agents,answer_rate_start,answer_rate_end,mean_talk_s,method,setting,talk_share,abandon_rate,"
                        + "calls_per_agent_hour,calls_placed,human_answered,abandoned,governed_seconds\n");
        for (Row row : rows) {
            Scenario s = row.scenario();
            DayResult r = row.result();
            csv.append(String.format(Locale.ROOT, "%d,%.2f,%.2f,%.0f,%s,%s,%.5f,%.5f,%.2f,%d,%d,%d,%d%n",
                    s.agents(), s.answerRateStart(), s.answerRateEnd(), s.meanTalkSeconds(), row.method(),
                    row.setting(), r.talkShare(), r.abandonRate(), r.callsPerAgentHour(), r.callsPlaced(),
                    r.humanAnswered(), r.abandoned(), r.governedSeconds()));
        }
        return csv.toString();
    }
}
