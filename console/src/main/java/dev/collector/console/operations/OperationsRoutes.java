package dev.collector.console.operations;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What operations and Prometheus read from a node: {@code /health/live} (the process answers HTTP),
 * {@code /health/ready} (every part answers: 503 with the parts down otherwise) and {@code /metrics}
 * in the Prometheus text format.
 */
public final class OperationsRoutes {

    private final NodeHealth health;
    private final Supplier<String> prometheusScrape;

    /** @param prometheusScrape the registry's scrape, e.g. {@code PrometheusMeterRegistry::scrape} */
    public OperationsRoutes(NodeHealth health, Supplier<String> prometheusScrape) {
        this.health = Objects.requireNonNull(health, "health");
        this.prometheusScrape = Objects.requireNonNull(prometheusScrape, "prometheusScrape");
    }

    /** Health of the console alone and no metrics. */
    public static OperationsRoutes none() {
        return new OperationsRoutes(NodeHealth.none(), () -> "");
    }

    public void mountOn(Router router) {
        router.get("/health/live").handler(rc -> json(rc, 200, new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(this::ready);
        // the scrape walks every meter: a worker's job, not the event loop's
        router.get("/metrics").blockingHandler(rc -> rc.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(prometheusScrape.get()), false);
    }

    private void ready(RoutingContext rc) {
        Map<String, Boolean> parts = health.parts();
        JsonObject body = new JsonObject();
        parts.forEach((part, up) -> body.put(part, up ? "UP" : "DOWN"));
        boolean allUp = parts.values().stream().allMatch(Boolean::booleanValue);
        json(rc, allUp ? 200 : 503, new JsonObject().put("status", allUp ? "UP" : "DOWN").put("parts", body));
    }

    private static void json(RoutingContext rc, int status, JsonObject body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }
}
