package dev.collector.console.reports;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** Where the report page's figures come from (the reports module, wired by the app). */
public interface ReportSource {

    /**
     * KPIs of [{@code from}, {@code to}) by one dimension.
     *
     * @param by agent, team, segment, strategy, channel or campaign
     * @throws IllegalArgumentException naming the field when {@code by} is none of them
     */
    CompletionStage<ReportTable> kpis(Instant from, Instant to, String by);

    /** The champion/challenger comparison of cases worked in [{@code from}, {@code to}). */
    CompletionStage<ReportTable> strategies(Instant from, Instant to);

    /**
     * The segment, strategy, arm, situation and next actions a case has now, and the change that
     * decided them, as a JSON object; empty when the case is not tracked.
     */
    default CompletionStage<java.util.Optional<io.vertx.core.json.JsonObject>> caseStrategy(String caseId) {
        return java.util.concurrent.CompletableFuture.completedFuture(java.util.Optional.empty());
    }
}
