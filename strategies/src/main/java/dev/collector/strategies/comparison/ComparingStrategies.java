package dev.collector.strategies.comparison;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The champion/challenger report: per segment and strategy, contacts, promises, promises kept,
 * amount collected, cost of actions and net recovery per case; for each challenger, the difference
 * of its mean net recovery per case from the champion's of the same segment, with a confidence
 * interval by Welch's t (unequal variances; Welch–Satterthwaite degrees of freedom; the t quantile
 * by the Cornish–Fisher expansion, within 0.002 of tables from 3 degrees of freedom up).
 * Challengers are compared within their segment only: across segments the cases differ and the
 * difference would measure the segments, not the strategies.
 */
public final class ComparingStrategies {

    private final double confidence;

    public ComparingStrategies(double confidence) {
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0.5 and 1, got " + confidence);
        }
        this.confidence = confidence;
    }

    public List<StrategyResults> compare(List<CaseResult> cases) {
        Map<String, Map<String, List<CaseResult>>> bySegment = new LinkedHashMap<>();
        for (CaseResult result : cases) {
            bySegment.computeIfAbsent(result.segment(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(result.strategy(), s -> new ArrayList<>()).add(result);
        }
        List<StrategyResults> report = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<CaseResult>>> segment : bySegment.entrySet()) {
            List<CaseResult> championCases = segment.getValue().values().stream()
                    .filter(list -> list.get(0).champion()).findFirst().orElse(List.of());
            double[] championNet = net(championCases);
            List<StrategyResults> rows = new ArrayList<>();
            for (Map.Entry<String, List<CaseResult>> strategy : segment.getValue().entrySet()) {
                List<CaseResult> group = strategy.getValue();
                boolean champion = group.get(0).champion();
                double[] net = net(group);
                Optional<StrategyResults.Difference> difference = champion
                        ? Optional.empty() : difference(net, championNet);
                rows.add(new StrategyResults(segment.getKey(), strategy.getKey(), champion, group.size(),
                        group.stream().mapToLong(CaseResult::contacts).sum(),
                        group.stream().mapToLong(CaseResult::promises).sum(),
                        group.stream().mapToLong(CaseResult::promisesKept).sum(),
                        group.stream().map(CaseResult::collected).reduce(BigDecimal.ZERO, BigDecimal::add),
                        group.stream().map(CaseResult::cost).reduce(BigDecimal.ZERO, BigDecimal::add),
                        mean(net), Math.sqrt(variance(net)), difference));
            }
            rows.sort(Comparator.comparing((StrategyResults r) -> !r.champion()).thenComparing(StrategyResults::strategy));
            report.addAll(rows);
        }
        return report;
    }

    /** Welch's interval for mean(a) - mean(b); empty when either side has fewer than two cases. */
    Optional<StrategyResults.Difference> difference(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return Optional.empty();
        }
        double va = variance(a) / a.length;
        double vb = variance(b) / b.length;
        double estimate = mean(a) - mean(b);
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return Optional.of(new StrategyResults.Difference(estimate, estimate, estimate, confidence,
                    a.length + b.length - 2));
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double t = tQuantile(1 - (1 - confidence) / 2, df);
        return Optional.of(new StrategyResults.Difference(estimate, estimate - t * se, estimate + t * se,
                confidence, df));
    }

    /** Student's t quantile by the Cornish–Fisher expansion around the normal quantile. */
    static double tQuantile(double p, double df) {
        double z = normalQuantile(p);
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        double z9 = z7 * z * z;
        return z + (z3 + z) / (4 * df)
                + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df)
                + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df * df * df * df);
    }

    /** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
    static double normalQuantile(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -normalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    private static double[] net(List<CaseResult> cases) {
        return cases.stream().mapToDouble(c -> c.netRecovery().doubleValue()).toArray();
    }

    private static double mean(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The sample variance (n - 1). */
    private static double variance(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double m = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - m) * (v - m);
        }
        return sum / (values.length - 1);
    }
}
