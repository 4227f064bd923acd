package dev.collector.console.access;

import dev.collector.domain.access.AccessAudit;
import dev.collector.domain.access.DataAccess;
import dev.collector.domain.access.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /supervisor/admin/access?caseId=...}: an administrator asks who saw or changed a
 * case (JSON, newest first). Only an administrator (the {@link WebAccessGuard} sees to it), and
 * that question is itself written down: looking at the trail is a read of the case too.
 */
public final class AccessTrailRoute {

    public static final String PATH = "/supervisor/admin/access";
    private static final int MAX_CASE_ID = 128;

    private final AccessTrail trail;
    private final AccessAudit audit;
    private final Function<RoutingContext, Optional<WebPrincipal>> sessions;
    private final Clock clock;

    public AccessTrailRoute(AccessTrail trail, AccessAudit audit, Function<RoutingContext, Optional<WebPrincipal>> sessions,
            Clock clock) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void mountOn(Router router, Vertx vertx) {
        router.get(PATH).handler(rc -> answer(rc, vertx));
    }

    private void answer(RoutingContext rc, Vertx vertx) {
        String caseId = rc.queryParams().get("caseId");
        if (caseId == null || caseId.isBlank() || caseId.length() > MAX_CASE_ID) {
            json(rc, 400, new JsonObject().put("field", "caseId")
                    .put("error", "caseId: name the case, at most " + MAX_CASE_ID + " characters"));
            return;
        }
        WebPrincipal admin = sessions.apply(rc).orElse(new WebPrincipal("unknown", Role.ADMIN));
        Future.fromCompletionStage(trail.accessesTo(caseId), vertx.getOrCreateContext()).onComplete(read -> {
            if (read.failed()) {
                json(rc, 503, new JsonObject().put("field", "caseId")
                        .put("error", "the access audit cannot be read now; try again"));
                return;
            }
            audit.record(new DataAccess(clock.instant(), admin.role(), admin.id(), "access-trail", caseId, ""));
            JsonArray rows = new JsonArray();
            for (DataAccess access : read.result()) {
                rows.add(new JsonObject().put("at", access.at().toString()).put("role", access.role().name())
                        .put("who", access.principal()).put("action", access.action()).put("detail", access.detail()));
            }
            json(rc, 200, new JsonObject().put("caseId", caseId).put("accesses", rows));
        });
    }

    private static void json(RoutingContext rc, int status, JsonObject body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }
}
