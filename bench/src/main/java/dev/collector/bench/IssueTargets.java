package dev.collector.bench;

import java.util.List;
import java.util.Locale;

/**
 * Issue 6's three targets for Collector's method on one scenario's day, from the rows of all methods
 * on that day:
 * <ol>
 *   <li>abandon rate at or under the cap;</li>
 *   <li>talk share at least 98 % of the oracle-tuned fixed level on a stationary day, above it on a
 *       drifting one;</li>
 *   <li>at least 10 % more talk than the adaptive baseline at equal or lower abandon rate. The
 *       baseline compared is VICIdial tuned to the cap: the default one abandons up to 14 times the
 *       cap with small teams, so no compliant dialer can be "at equal or lower abandon" than it and
 *       still be compared on talk.</li>
 * </ol>
 * The third can be out of reach for any dialer: when even the hindsight bound talks less than 1.1 ×
 * the baseline, {@link #reachable()} is false, and the scenario says how close Collector came instead.
 */
record IssueTargets(Scenario scenario, DayResult collector, DayResult oracle, DayResult baseline, DayResult bound) {

    static final double MORE_TALK_THAN_BASELINE = 1.10;

    static IssueTargets of(List<PacingBenchmark.Row> scenarioRows) {
        return new IssueTargets(scenarioRows.get(0).scenario(), result(scenarioRows, PacingBenchmark.COLLECTOR),
                result(scenarioRows, PacingBenchmark.ORACLE), result(scenarioRows, PacingBenchmark.VICIDIAL_TUNED),
                result(scenarioRows, PacingBenchmark.BOUND));
    }

    private static DayResult result(List<PacingBenchmark.Row> rows, String method) {
        return rows.stream().filter(r -> r.method().equals(method)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row for " + method)).result();
    }

    boolean underCap() {
        return collector.abandonRate() <= scenario.abandonCap();
    }

    double talkVersusOracle() {
        return collector.talkShare() / oracle.talkShare();
    }

    boolean oracleTargetMet() {
        return scenario.drifting() ? talkVersusOracle() > 1.0 : talkVersusOracle() >= 0.98;
    }

    double talkVersusBaseline() {
        return collector.talkShare() / baseline.talkShare();
    }

    /** Whether a dialer knowing the future could talk 10 % more than the baseline at all. */
    boolean reachable() {
        return bound.talkShare() >= MORE_TALK_THAN_BASELINE * baseline.talkShare();
    }

    boolean baselineTargetMet() {
        return talkVersusBaseline() >= MORE_TALK_THAN_BASELINE
                && collector.abandonRate() <= baseline.abandonRate();
    }

    /**
     * The looser reading of the third target: both held to the same cap, Collector talks 10 % more.
     * Where the tuned baseline ends progressive (its level cannot rise a little above 1 without
     * overshooting the cap with a small team), it abandons nothing, and the strict reading would ask
     * Collector to be progressive too.
     */
    boolean baselineTargetMetAtTheSameCap() {
        return talkVersusBaseline() >= MORE_TALK_THAN_BASELINE && underCap();
    }

    /** Collector's gain over the baseline as a share of the gain the hindsight bound has over it. */
    double shareOfPossibleGain() {
        double possible = bound.talkShare() - baseline.talkShare();
        return possible <= 0 ? 1 : (collector.talkShare() - baseline.talkShare()) / possible;
    }

    String markdownRow() {
        return String.format(Locale.ROOT, "| %s | %s (%.2f %%) | %.3f %s | %+.1f %% at %.2f %% vs %.2f %% %s | %.3f%s "
                        + "| %.0f %% | %.3f |%n",
                scenario.name(), underCap() ? "yes" : "**no**", collector.abandonRate() * 100,
                talkVersusOracle(), oracleTargetMet() ? "yes" : "**no**",
                (talkVersusBaseline() - 1) * 100, collector.abandonRate() * 100, baseline.abandonRate() * 100,
                baselineTargetMet() ? "yes" : (reachable() ? "**no**" : "no"),
                bound.talkShare() / baseline.talkShare(), reachable() ? "" : " (out of reach)",
                shareOfPossibleGain() * 100, collector.talkShare() / bound.talkShare());
    }

    static String markdownHeader() {
        return "| scenario | abandon ≤ 3 % | talk vs oracle (target met) | talk vs tuned VICIdial, abandon Collector vs "
                + "VICIdial (target met) | bound / tuned VICIdial | share of the possible gain taken | share of hindsight "
                + "bound |\n|---|---:|---:|---:|---:|---:|---:|\n";
    }
}
