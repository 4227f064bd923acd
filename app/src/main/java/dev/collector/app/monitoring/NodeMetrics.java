package dev.collector.app.monitoring;

import dev.collector.console.operations.NodeHealth;
import dev.collector.console.supervisor.Alert;
import dev.collector.console.supervisor.FloorAlerts;
import dev.collector.console.supervisor.FloorSnapshot;
import dev.collector.console.supervisor.SupervisorWall;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The node's Prometheus metrics: the JVM's, and the floor as the supervisor wall last sampled it
 * (calls by result, abandon rate against its cap, cases by status, agents by state, follow-up
 * SLAs, every alert as 0 or 1) and every part's health. Read on scrape: nothing is counted twice.
 */
public final class NodeMetrics implements AutoCloseable {

    private static final List<String> CALL_RESULTS = List.of("ANSWERED", "ABANDONED", "BUSY", "NO_ANSWER",
            "CONGESTION", "FAILED", "MACHINE");
    private static final List<String> CASE_STATUSES = List.of("WAITING", "SCHEDULED", "LEASED", "HELD", "CLOSED");
    private static final List<String> AGENT_STATES = List.of("LOGGED_OUT", "PAUSED", "READY", "RESERVED", "ON_CALL",
            "WRAP_UP");
    private static final List<String> PARTS = List.of("hazelcast", "cassandra", "ami", "grpc");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public NodeMetrics(SupervisorWall wall, NodeHealth health) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        floor(wall, "collector.calls.dialed", "calls originated by this node's dialer", FloorSnapshot::dialed, true);
        for (String result : CALL_RESULTS) {
            FunctionCounter.builder("collector.calls.ended", wall,
                            w -> floorValue(w, f -> f.endedByResult().getOrDefault(result, 0L)))
                    .description("calls ended, by result").tag("result", result).register(registry);
        }
        floor(wall, "collector.calls.in.flight", "calls ringing or talking", FloorSnapshot::callsInFlight, false);
        floor(wall, "collector.abandon.rate.window", "abandoned share of person-answered calls in the compliance window",
                f -> f.pacingDetail().abandonRateInWindow(), false);
        floor(wall, "collector.abandon.rate.today", "abandoned share of person-answered calls since midnight UTC",
                f -> f.detail().today().abandonRate(), false);
        floor(wall, "collector.abandon.cap", "the abandon cap in force", f -> f.pacingDetail().abandonCap(), false);
        floor(wall, "collector.pacing.calls.per.agent", "calls in flight per logged-in agent",
                f -> f.pacingDetail().callsPerAgent(), false);
        for (String status : CASE_STATUSES) {
            Gauge.builder("collector.cases", wall, w -> floorValue(w, f -> f.casesByStatus().getOrDefault(status, 0L)))
                    .description("cases of the dialed campaign, by status").tag("status", status).register(registry);
        }
        for (String state : AGENT_STATES) {
            Gauge.builder("collector.agents", wall, w -> floorValue(w, f -> f.agentsIn(state)))
                    .description("agents by state").tag("state", state).register(registry);
        }
        Gauge.builder("collector.followups.sla.tasks", wall, w -> floorValue(w, f -> f.detail().sla().nearDue()))
                .description("follow-up tasks by SLA standing").tag("due", "near").register(registry);
        Gauge.builder("collector.followups.sla.tasks", wall, w -> floorValue(w, f -> f.detail().sla().pastDue()))
                .description("follow-up tasks by SLA standing").tag("due", "past").register(registry);
        for (String code : FloorAlerts.CODES) {
            Gauge.builder("collector.alert.active", wall, w -> w.latest()
                            .map(s -> s.alerts().stream().map(Alert::code).anyMatch(code::equals) ? 1.0 : 0.0).orElse(0.0))
                    .description("1 while the wall shows the alert").tag("alert", code).register(registry);
        }
        for (String part : PARTS) {
            Gauge.builder("collector.part.up", health, h -> Optional.ofNullable(h.parts().get(part))
                            .map(up -> up ? 1.0 : 0.0).orElse(Double.NaN))
                    .description("1 when the part answers its health check").tag("part", part).register(registry);
        }
    }

    public String scrape() {
        return registry.scrape();
    }

    private void floor(SupervisorWall wall, String name, String description, ToDoubleFunction<FloorSnapshot> value,
                       boolean counter) {
        if (counter) {
            FunctionCounter.builder(name, wall, w -> floorValue(w, value)).description(description).register(registry);
        } else {
            Gauge.builder(name, wall, w -> floorValue(w, value)).description(description).register(registry);
        }
    }

    private static double floorValue(SupervisorWall wall, ToDoubleFunction<FloorSnapshot> value) {
        return wall.latest().map(s -> value.applyAsDouble(s.floor())).orElse(Double.NaN);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
