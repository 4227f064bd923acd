package dev.collector.console.reports;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The managers' reports at {@code /supervisor/reports}: KPIs over any period by agent, team,
 * segment, strategy, channel or campaign, and the champion/challenger comparison, as tables and
 * charts, exportable as CSV. Data at {@code /supervisor/reports/kpis} and
 * {@code /supervisor/reports/strategies} with {@code from} and {@code to} (ISO days, UTC, both
 * included, or ISO instants, {@code to} excluded) and {@code format=csv|json}.
 */
public final class ReportsPage {

    static final String WEB_ROOT = "collector-console/reports";
    /** A report reads every day of its period: a year is the most the report copies keep. */
    static final Duration LONGEST_PERIOD = Duration.ofDays(400);

    private final ReportSource source;
    private final Clock clock;

    public ReportsPage(ReportSource source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Registers the routes; call before any catch-all route under {@code /supervisor}. */
    public void mountOn(Router router, Vertx vertx) {
        router.get("/supervisor/reports").handler(rc -> rc.reroute("/supervisor/reports/index.html"));
        router.get("/supervisor/reports/kpis").handler(rc -> serve(rc, vertx, period -> source.kpis(period.from, period.to,
                rc.queryParams().get("by") == null ? "agent" : rc.queryParams().get("by")), "kpis"));
        router.get("/supervisor/reports/strategies").handler(rc -> serve(rc, vertx,
                period -> source.strategies(period.from, period.to), "strategies"));
        router.get("/supervisor/reports/cases/:caseId").handler(rc -> io.vertx.core.Future.fromCompletionStage(
                source.caseStrategy(rc.pathParam("caseId")), vertx.getOrCreateContext()).onComplete(done -> {
                    if (done.failed()) {
                        rc.response().setStatusCode(503).end(done.cause().toString());
                    } else if (done.result().isEmpty()) {
                        rc.response().setStatusCode(404).putHeader("Content-Type", "application/json").end(new JsonObject()
                                .put("field", "caseId").put("reason", "no strategy is assigned to this case").encode());
                    } else {
                        rc.response().putHeader("Content-Type", "application/json").end(done.result().get().encode());
                    }
                }));
        // Chart.js from its WebJar: served from the jar, no CDN needed on a call-centre floor
        router.route("/supervisor/reports/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
        router.route("/supervisor/reports/*").handler(StaticHandler.create(WEB_ROOT).setCachingEnabled(false));
    }

    private void serve(RoutingContext rc, Vertx vertx, Function<Period, CompletionStage<ReportTable>> report,
            String name) {
        Period period;
        String format = rc.queryParams().get("format") == null ? "json" : rc.queryParams().get("format");
        try {
            period = period(rc.queryParams().get("from"), rc.queryParams().get("to"));
            if (!format.equals("json") && !format.equals("csv")) {
                throw new BadField("format", "'" + format + "' is not csv or json");
            }
        } catch (BadField e) {
            badRequest(rc, e.field, e.getMessage());
            return;
        }
        CompletionStage<ReportTable> table;
        try {
            table = report.apply(period);
        } catch (IllegalArgumentException e) {
            badRequest(rc, "by", e.getMessage());
            return;
        }
        // the source may complete on any thread: answer on the request's own context
        io.vertx.core.Future.fromCompletionStage(table, vertx.getOrCreateContext()).onComplete(done -> {
            if (done.failed()) {
                Throwable cause = done.cause() instanceof java.util.concurrent.CompletionException
                        && done.cause().getCause() != null ? done.cause().getCause() : done.cause();
                if (cause instanceof IllegalArgumentException) {
                    badRequest(rc, "by", cause.getMessage());
                } else {
                    rc.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("error", "the report could not be read: " + cause).encode());
                }
                return;
            }
            ReportTable result = done.result();
            if (format.equals("csv")) {
                String file = name + "-" + period.label() + ".csv";
                rc.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"")
                        .end(result.csv());
            } else {
                JsonArray rows = new JsonArray();
                for (List<Object> row : result.rows()) {
                    rows.add(new JsonArray(row));
                }
                rc.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("from", period.from.toString()).put("to", period.to.toString())
                        .put("columns", new JsonArray(result.columns())).put("rows", rows).encode());
            }
        });
    }

    /** Without {@code from} and {@code to}: today, UTC. */
    Period period(String from, String to) {
        LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        Instant start = from == null || from.isBlank() ? today.atStartOfDay(ZoneOffset.UTC).toInstant()
                : instant(from, "from", false);
        Instant end = to == null || to.isBlank() ? today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : instant(to, "to", true);
        if (!start.isBefore(end)) {
            throw new BadField("to", "must be after from (" + start + ")");
        }
        if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw new BadField("to", "a period is at most " + LONGEST_PERIOD.toDays() + " days");
        }
        return new Period(start, end);
    }

    private static Instant instant(String text, String field, boolean end) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadField(field, "'" + text + "' is not a day (2026-11-23) or an instant (2026-11-23T08:00:00Z)");
        }
    }

    private static void badRequest(RoutingContext rc, String field, String reason) {
        rc.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("field", field).put("reason", reason).encode());
    }

    record Period(Instant from, Instant to) {
        String label() {
            return from.toString().substring(0, 10) + "_" + to.minusMillis(1).toString().substring(0, 10);
        }
    }

    private static final class BadField extends IllegalArgumentException {
        final String field;

        BadField(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
        }
    }
}
