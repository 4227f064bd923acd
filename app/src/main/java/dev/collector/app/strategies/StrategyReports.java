package dev.collector.app.strategies;

import dev.collector.console.reports.ReportSource;
import dev.collector.console.reports.ReportTable;
import dev.collector.reports.comparison.StrategyComparisonReport;
import dev.collector.reports.kpi.ComputingKpis;
import dev.collector.reports.kpi.Dimension;
import dev.collector.reports.kpi.KpiCsv;
import dev.collector.reports.kpi.KpiRow;
import dev.collector.reports.ledger.CassandraReportLedger;
import dev.collector.reports.ledger.ReportRows;
import dev.collector.strategies.comparison.StrategyResults;
import dev.collector.strategies.segmentation.StrategyAssignment;
import dev.collector.strategies.segmentation.TrackedCase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** The report page's figures: report rows read from Cassandra on a worker, computed by the reports module. */
final class StrategyReports implements ReportSource {

    /** Promises made in the period are judged by payments up to this long after it. */
    private static final Duration PAYMENTS_AFTER = Duration.ofDays(35);

    private final CassandraReportLedger ledger;
    private final Executor worker;
    private final Clock clock;
    private final double confidence;
    private final java.util.function.Function<String, java.util.Optional<TrackedCase>> tracked;

    StrategyReports(CassandraReportLedger ledger, Executor worker, Clock clock, double confidence,
            java.util.function.Function<String, java.util.Optional<TrackedCase>> tracked) {
        this.ledger = ledger;
        this.tracked = tracked;
        this.worker = worker;
        this.clock = clock;
        this.confidence = confidence;
    }

    @Override
    public CompletionStage<ReportTable> kpis(Instant from, Instant to, String by) {
        Dimension dimension = Dimension.parse(by);
        return CompletableFuture.supplyAsync(() -> {
            Instant now = clock.instant();
            List<KpiRow> rows = ComputingKpis.compute(read(from, to, now), dimension, from, to, now);
            List<String> columns = Arrays.asList(String.format(KpiCsv.HEADER,
                    dimension.name().toLowerCase(Locale.ROOT)).split(","));
            List<List<Object>> cells = new ArrayList<>();
            for (KpiRow r : rows) {
                cells.add(Arrays.asList(r.key(), r.calls(), r.answered(), r.abandoned(), rate(r.abandonRate()),
                        r.rightPartyContacts(), rate(r.rightPartyContactRate()), r.promises(), rate(r.promiseRate()),
                        r.amountPromised().doubleValue(), r.promisesDue(), r.promisesKept(),
                        rate(r.promiseKeptRate()), r.amountCollected().doubleValue(), r.talkSeconds(),
                        r.activeHours(), rate(r.callsPerHour()), rate(r.talkMinutesPerHour()), r.followUpTasks(),
                        r.slaDue(), r.slaMet(), rate(r.slaCompliance()), r.deliveries(), r.delivered(),
                        r.deliveryFailures()));
            }
            return new ReportTable(columns, cells, KpiCsv.of(dimension, rows));
        }, worker);
    }

    @Override
    public CompletionStage<ReportTable> strategies(Instant from, Instant to) {
        return CompletableFuture.supplyAsync(() -> {
            Instant now = clock.instant();
            List<StrategyResults> report = StrategyComparisonReport.compare(read(from, to, now), from, to, now,
                    confidence);
            List<List<Object>> cells = new ArrayList<>();
            for (StrategyResults r : report) {
                StrategyResults.Difference d = r.differenceVsChampion().orElse(null);
                cells.add(Arrays.asList(r.segment(), r.strategy(), r.champion() ? "champion" : "challenger", r.cases(),
                        r.contacts(), r.promises(), r.promisesKept(), r.collected().doubleValue(),
                        r.cost().doubleValue(), rate(r.netPerCase()), rate(r.netStandardDeviation()),
                        d == null ? null : d.estimate(), d == null ? null : d.low(), d == null ? null : d.high(),
                        d == null ? null : d.confidence(), d == null ? null : d.degreesOfFreedom()));
            }
            return new ReportTable(Arrays.asList(StrategyComparisonReport.HEADER.split(",")), cells,
                    StrategyComparisonReport.csv(report));
        }, worker);
    }

    @Override
    public CompletionStage<java.util.Optional<JsonObject>> caseStrategy(String caseId) {
        return CompletableFuture.supplyAsync(() -> tracked.apply(caseId).map(t -> {
            StrategyAssignment a = t.assignment();
            return new JsonObject().put("caseId", t.caseId()).put("debtorId", t.debtorId())
                    .put("campaignId", t.campaignId()).put("segment", a.segment()).put("strategy", a.strategy())
                    .put("arm", a.arm()).put("situation", a.situation().name())
                    .put("nextActions", new JsonArray(a.nextActions())).put("cause", a.cause())
                    .put("assignedAt", a.assignedAt().toString()).put("attempts", t.course().attempts())
                    .put("promises", t.course().promises()).put("brokenPromises", t.course().brokenPromises())
                    .put("disputed", t.course().disputed()).put("collected", t.course().collected().toPlainString());
        }), worker);
    }

    private ReportRows read(Instant from, Instant to, Instant now) {
        Instant paymentsUntil = to.plus(PAYMENTS_AFTER).isBefore(now) ? to.plus(PAYMENTS_AFTER) : now;
        return ledger.read(from, to, paymentsUntil);
    }

    private static Double rate(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
