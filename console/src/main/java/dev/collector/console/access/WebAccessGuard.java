package dev.collector.console.access;

import dev.collector.domain.access.AccessAudit;
import dev.collector.domain.access.DataAccess;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every request: finds the request's {@link WebAccessRules rule} and lets it
 * through only to a session of a role that may act as the one the rule needs (401 without a
 * session, 403 with one of another role, 403 for a path no rule covers). Reads of debtors' data it
 * lets through are written to the access audit once they are answered with success.
 */
public final class WebAccessGuard implements Handler<RoutingContext> {

    private static final Logger log = LoggerFactory.getLogger(WebAccessGuard.class);

    /** Registered routes without a rule (found once the router is complete): refused, never let through by a wider rule. */
    private volatile java.util.Set<String> unruled = java.util.Set.of();
    private final Function<RoutingContext, Optional<WebPrincipal>> sessions;
    private final AccessAudit audit;
    private final Clock clock;

    /** @param sessions who the request's session cookie belongs to, if anyone */
    public WebAccessGuard(Function<RoutingContext, Optional<WebPrincipal>> sessions, AccessAudit audit, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Tells the guard every route the router registered; a route without a rule is refused to
     * everyone, even where a wider rule ({@code /supervisor/*}) would let its path through.
     */
    public void routesRegistered(java.util.List<String> routes) {
        java.util.Set<String> missing = new java.util.HashSet<>();
        for (String route : routes) {
            if (WebAccessRules.forRoute(route).isEmpty()) {
                missing.add(route);
                log.error("Route {} has no access rule in WebAccessRules: refused to everyone until it gets one", route);
            }
        }
        unruled = java.util.Set.copyOf(missing);
    }

    @Override
    public void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        Optional<Map.Entry<String, WebAccessRules.Rule>> found = WebAccessRules.forRequest(path);
        if (found.isEmpty() || unruled.stream().anyMatch(route -> WebAccessRules.matches(route, path))) {
            refuse(rc, 403, "no route of this console is open at " + shorten(path)
                    + (found.isEmpty() ? "" : " (its route has no access rule in WebAccessRules)"));
            return;
        }
        WebAccessRules.Rule rule = found.get().getValue();
        if (rule.needs().isEmpty()) {
            rc.next();
            return;
        }
        Optional<WebPrincipal> principal = sessions.apply(rc);
        if (principal.isEmpty()) {
            refuse(rc, 401, "log in as " + rule.needs().get().name().toLowerCase(java.util.Locale.ROOT) + " first");
            return;
        }
        if (!principal.get().role().mayActAs(rule.needs().get())) {
            log.warn("{} {} refused {}: it needs {}", principal.get().role(), principal.get().id(), path,
                    rule.needs().get());
            refuse(rc, 403, "this needs the " + rule.needs().get() + " role; you are logged in as "
                    + principal.get().role());
            return;
        }
        rule.auditedAs().ifPresent(name -> auditWhenAnswered(rc, found.get().getKey(), name, principal.get()));
        rc.next();
    }

    private void auditWhenAnswered(RoutingContext rc, String route, String name, WebPrincipal principal) {
        boolean csv = "csv".equals(rc.queryParams().get("format"));
        String action = csv ? name.replace("report:", "export:") + ".csv" : name;
        String caseId = route.endsWith("/:caseId") ? rc.normalizedPath().substring(rc.normalizedPath().lastIndexOf('/') + 1)
                : "";
        String query = rc.request().query() == null ? "" : shorten(rc.request().query());
        rc.addHeadersEndHandler(v -> {
            if (rc.response().getStatusCode() < 300) {
                audit.record(new DataAccess(clock.instant(), principal.role(), principal.id(), action, caseId, query));
            }
        });
    }

    private static void refuse(RoutingContext rc, int status, String reason) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("field", "session").put("error", "session: " + reason).encode());
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
