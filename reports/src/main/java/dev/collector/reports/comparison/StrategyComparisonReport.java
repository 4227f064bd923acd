package dev.collector.reports.comparison;

import dev.collector.reports.kpi.ComputingKpis;
import dev.collector.reports.kpi.KpiCsv;
import dev.collector.reports.ledger.AttemptRow;
import dev.collector.reports.ledger.FollowUpRow;
import dev.collector.reports.ledger.OutcomeRow;
import dev.collector.reports.ledger.PaymentRow;
import dev.collector.reports.ledger.ReportRows;
import dev.collector.strategies.comparison.CaseResult;
import dev.collector.strategies.comparison.ComparingStrategies;
import dev.collector.strategies.comparison.StrategyResults;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The champion/challenger comparison of a period from its report rows: every case worked in the
 * period is one observation, counted under the segment and strategy of its latest row (a case
 * re-segmented during the period counts where it ended). Net recovery per case is what the CRM
 * reported paid in the period less the cost of the actions taken on it: the calls made (the cost of
 * the strategy's call action, recorded with each attempt) and the strategy's SMS, e-mails, letters
 * and agency hand-overs carried out in the period (their cost, kept with the follow-up task).
 */
public final class StrategyComparisonReport {

    private StrategyComparisonReport() {
    }

    public static List<CaseResult> caseResults(ReportRows rows, Instant from, Instant to, Instant asOf) {
        Map<String, Acc> cases = new LinkedHashMap<>();
        Map<String, List<PaymentRow>> paymentsByCase = new HashMap<>();
        for (PaymentRow payment : rows.payments()) {
            paymentsByCase.computeIfAbsent(payment.caseId(), c -> new ArrayList<>()).add(payment);
        }
        for (AttemptRow a : rows.attempts()) {
            if (a.dialedAt().isBefore(from) || !a.dialedAt().isBefore(to)) {
                continue;
            }
            Acc acc = cases.computeIfAbsent(a.caseId(), Acc::new);
            acc.tag(a.dialedAt(), a.segment(), a.strategy(), a.champion());
            if (a.result().equals("ANSWERED")) {
                acc.contacts++;
            }
            acc.cost = acc.cost.add(a.cost());
        }
        for (FollowUpRow task : rows.followUps()) {
            // charged when carried out; a task still pending or suppressed cost nothing yet
            if (!task.done() || task.actionCost().signum() == 0
                    || task.updatedAt().isBefore(from) || !task.updatedAt().isBefore(to)) {
                continue;
            }
            Acc acc = cases.computeIfAbsent(task.caseId(), Acc::new);
            acc.cost = acc.cost.add(task.actionCost());
        }
        for (OutcomeRow o : rows.outcomes()) {
            if (o.recordedAt().isBefore(from) || !o.recordedAt().isBefore(to)) {
                continue;
            }
            Acc acc = cases.computeIfAbsent(o.caseId(), Acc::new);
            acc.tag(o.recordedAt(), o.segment(), o.strategy(), o.champion());
            if (o.disposition().equals("PROMISE_TO_PAY") && o.promisedAmount().isPresent()) {
                acc.promises++;
                LocalDate day = o.promisedFor().orElse(o.recordedAt().atOffset(ZoneOffset.UTC).toLocalDate());
                Instant graceEnds = ComputingKpis.graceEnds(day);
                if (!asOf.isBefore(graceEnds)
                        && ComputingKpis.kept(o, graceEnds, paymentsByCase.getOrDefault(o.caseId(), List.of()))) {
                    acc.kept++;
                }
            }
        }
        for (PaymentRow p : rows.payments()) {
            if (p.paidAt().isBefore(from) || !p.paidAt().isBefore(to)) {
                continue;
            }
            Acc acc = cases.computeIfAbsent(p.caseId(), Acc::new);
            acc.tag(p.paidAt(), p.segment(), p.strategy(), p.champion());
            acc.collected = acc.collected.add(p.amount());
        }
        List<CaseResult> results = new ArrayList<>();
        for (Acc acc : cases.values()) {
            results.add(new CaseResult(acc.caseId, acc.segment, acc.strategy, acc.champion, acc.contacts, acc.promises,
                    acc.kept, acc.collected, acc.cost));
        }
        return results;
    }

    public static List<StrategyResults> compare(ReportRows rows, Instant from, Instant to, Instant asOf,
            double confidence) {
        return new ComparingStrategies(confidence).compare(caseResults(rows, from, to, asOf));
    }

    public static final String HEADER = "segment,strategy,arm,cases,contacts,promises,promises_kept,amount_collected,"
            + "cost,net_recovery_per_case,net_sd,difference_vs_champion,ci_low,ci_high,confidence,welch_df";

    public static String csv(List<StrategyResults> report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (StrategyResults r : report) {
            csv.append(KpiCsv.field(r.segment())).append(',').append(KpiCsv.field(r.strategy())).append(',')
                    .append(r.champion() ? "champion" : "challenger").append(',').append(r.cases()).append(',')
                    .append(r.contacts()).append(',').append(r.promises()).append(',').append(r.promisesKept())
                    .append(',').append(r.collected().toPlainString()).append(',').append(r.cost().toPlainString())
                    .append(',').append(num(r.netPerCase())).append(',').append(num(r.netStandardDeviation()));
            if (r.differenceVsChampion().isPresent()) {
                StrategyResults.Difference d = r.differenceVsChampion().get();
                csv.append(',').append(num(d.estimate())).append(',').append(num(d.low())).append(',')
                        .append(num(d.high())).append(',').append(num(d.confidence())).append(',')
                        .append(num(d.degreesOfFreedom()));
            } else {
                csv.append(",,,,,");
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static String num(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static final class Acc {
        final String caseId;
        Instant taggedAt = Instant.MIN;
        String segment = "(none)";
        String strategy = "(none)";
        boolean champion = true;
        int contacts;
        int promises;
        int kept;
        BigDecimal collected = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;

        Acc(String caseId) {
            this.caseId = caseId;
        }

        void tag(Instant at, String segment, String strategy, boolean champion) {
            if (!at.isBefore(taggedAt) && !segment.isBlank()) {
                this.taggedAt = at;
                this.segment = segment;
                this.strategy = strategy;
                this.champion = champion;
            }
        }
    }
}
