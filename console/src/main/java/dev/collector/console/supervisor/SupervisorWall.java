package dev.collector.console.supervisor;

import dev.collector.console.operations.NodeHealth;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's live wall at {@code /supervisor}: the floor is sampled once a second on the
 * console's context, its alerts evaluated and its minute curve kept, and every logged-in wall is
 * sent the result over Server-Sent Events ({@code /supervisor/stream}) — one sample serves every
 * supervisor, however many walls are open. Actions ({@code POST /supervisor/actions}) are checked
 * against the supervisor's session on the server and journaled, done or refused.
 */
public final class SupervisorWall {

    private static final Logger log = LoggerFactory.getLogger(SupervisorWall.class);
    static final String WEB_ROOT = "collector-console/supervisor";
    static final String SESSION_COOKIE = "collector-supervisor";
    private static final long SAMPLE_MS = 1000;

    /** The floor as last sampled, with the alerts it raised. */
    public record WallState(FloorSnapshot floor, List<Alert> alerts) {
    }

    private final FloorSource floor;
    private final FloorControls controls;
    private final SupervisorLogins logins;
    /** Administrators: they log in on the wall like supervisors and may also change compliance settings. */
    private volatile SupervisorLogins admins = SupervisorLogins.none();
    private final SupervisorActionJournal journal;
    private final NodeHealth health;
    private final FloorAlerts alerts;
    private final FloorHistory history = new FloorHistory();
    private final SupervisorSessions sessions;
    private final Clock clock;
    private final Set<HttpServerResponse> streams = new CopyOnWriteArraySet<>();
    private final AtomicBoolean sampling = new AtomicBoolean();
    private volatile Optional<WallState> latest = Optional.empty();
    private Vertx vertx;
    private Context context;
    private long sampleTimer = -1;
    private int minutesSent;

    /** A wall nobody can log in to: the console on its own. */
    public SupervisorWall(FloorSource floor, Clock clock) {
        this(floor, FloorControls.none(), SupervisorLogins.none(), new SupervisorActionJournal(Optional.empty()),
                NodeHealth.none(), AlertThresholds.defaults(), clock);
    }

    public SupervisorWall(FloorSource floor, FloorControls controls, SupervisorLogins logins,
                          SupervisorActionJournal journal, NodeHealth health, AlertThresholds thresholds, Clock clock) {
        this.floor = Objects.requireNonNull(floor, "floor");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.logins = Objects.requireNonNull(logins, "logins");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.health = Objects.requireNonNull(health, "health");
        this.alerts = new FloorAlerts(thresholds);
        this.sessions = new SupervisorSessions(clock);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Who may log in as an administrator (collector.admins.pins); call before mounting. */
    public SupervisorWall withAdmins(SupervisorLogins admins) {
        this.admins = Objects.requireNonNull(admins, "admins");
        return this;
    }

    /** Whose session the request's cookie is, and in which role (supervisor or administrator). */
    public Optional<dev.collector.console.access.WebPrincipal> sessionOf(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(SESSION_COOKIE);
        return sessions.principalOf(cookie == null ? null : cookie.getValue());
    }

    /** The day's curve: the composition root keeps it over a restart. */
    public FloorHistory history() {
        return history;
    }

    /** The last sample, for metrics; empty before the first. */
    public Optional<WallState> latest() {
        return latest;
    }

    public void mountOn(Router router, Vertx vertx, Context context) {
        this.vertx = vertx;
        this.context = context;
        router.get("/supervisor").handler(rc -> rc.reroute("/supervisor/index.html"));
        router.post("/supervisor/login").handler(BodyHandler.create().setBodyLimit(4096)).handler(this::login);
        router.post("/supervisor/logout").handler(this::logout);
        router.get("/supervisor/session").handler(rc -> withSupervisor(rc, id ->
                json(rc, 200, new JsonObject().put("supervisorId", id))));
        router.get("/supervisor/floor").handler(rc -> withSupervisor(rc, id -> floorJson(rc)));
        router.get("/supervisor/stream").handler(rc -> withSupervisor(rc, id -> stream(rc)));
        router.post("/supervisor/actions").handler(BodyHandler.create().setBodyLimit(16 * 1024))
                .handler(rc -> withSupervisor(rc, id -> act(rc, id)));
        router.route("/supervisor/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
        router.route("/supervisor/*").handler(StaticHandler.create(WEB_ROOT).setCachingEnabled(false));
        sampleTimer = vertx.setPeriodic(1, SAMPLE_MS, id -> sample());
    }

    public void unmount() {
        if (vertx != null && sampleTimer >= 0) {
            vertx.cancelTimer(sampleTimer);
        }
        streams.forEach(response -> {
            if (!response.ended() && !response.closed()) {
                response.end();
            }
        });
        streams.clear();
    }

    // --- sampling ------------------------------------------------------------------------------

    private void sample() {
        if (!sampling.compareAndSet(false, true)) {
            return; // the last sample is still being taken: a slow source is not asked twice
        }
        Future.fromCompletionStage(floor.snapshot(), context).onComplete(taken -> {
            sampling.set(false);
            if (taken.failed()) {
                log.warn("Supervisor wall: the floor could not be read: {}", taken.cause().toString());
                return;
            }
            FloorSnapshot snapshot = taken.result();
            if (!health.parts().isEmpty()) {
                snapshot = snapshot.withDetail(snapshot.detail().withHealth(health.parts()));
            }
            WallState state = new WallState(snapshot, alerts.evaluate(snapshot));
            latest = Optional.of(state);
            history.sample(snapshot);
            List<FloorHistory.Minute> minutes = history.minutes();
            boolean newMinute = minutes.size() != minutesSent;
            minutesSent = minutes.size();
            String event = "data: " + wallJson(state, newMinute ? Optional.of(minutes) : Optional.empty()).encode()
                    + "\n\n";
            streams.forEach(response -> response.write(event));
        });
    }

    private JsonObject wallJson(WallState state, Optional<List<FloorHistory.Minute>> minutes) {
        JsonArray raised = new JsonArray();
        state.alerts().forEach(a -> raised.add(new JsonObject().put("code", a.code())
                .put("severity", a.severity().name()).put("message", a.message())));
        JsonArray actions = new JsonArray();
        journal.latest().forEach(e -> actions.add(e.toJson()));
        JsonObject wall = new JsonObject()
                .put("floor", toJson(state.floor()))
                .put("dialsPerMinute", history.dialsPerMinute())
                .put("alerts", raised)
                .put("actions", actions);
        minutes.ifPresent(list -> {
            JsonArray points = new JsonArray();
            list.forEach(m -> points.add(minuteJson(m)));
            wall.put("history", points);
        });
        history.minuteSoFar().ifPresent(m -> wall.put("minuteSoFar", minuteJson(m)));
        return wall;
    }

    private static JsonObject minuteJson(FloorHistory.Minute m) {
        return new JsonObject().put("minute", m.minute().toString()).put("dials", m.dials())
                .put("answered", m.answered()).put("abandoned", m.abandoned()).put("ready", m.ready())
                .put("onCall", m.onCall()).put("waiting", m.waiting());
    }

    // --- routes --------------------------------------------------------------------------------

    private void stream(RoutingContext rc) {
        HttpServerResponse response = rc.response()
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-store")
                .setChunked(true);
        response.write("retry: 2000\n\n");
        latest.ifPresent(state -> response.write("data: " + wallJson(state, Optional.of(history.minutes())).encode()
                + "\n\n"));
        streams.add(response);
        response.closeHandler(v -> streams.remove(response));
        response.exceptionHandler(e -> streams.remove(response));
    }

    private void floorJson(RoutingContext rc) {
        Future.fromCompletionStage(floor.snapshot(), context)
                .onSuccess(snapshot -> json(rc, 200, toJson(health.parts().isEmpty() ? snapshot
                        : snapshot.withDetail(snapshot.detail().withHealth(health.parts())))))
                .onFailure(rc::fail);
    }

    private void login(RoutingContext rc) {
        JsonObject body = body(rc);
        String supervisorId = body.getValue("supervisorId") instanceof String s ? s.strip() : "";
        String pin = body.getValue("pin") instanceof String s ? s : "";
        if (supervisorId.isEmpty()) {
            json(rc, 400, error("supervisorId", "is required"));
            return;
        }
        if (!logins.any() && !admins.any()) {
            json(rc, 403, error("supervisorId", "no supervisor is configured (collector.supervisors.pins)"));
            return;
        }
        // both are asked, so the answer's timing does not tell an administrator's id from a supervisor's
        boolean admin = admins.admits(supervisorId, pin);
        boolean supervisor = logins.admits(supervisorId, pin);
        if (!admin && !supervisor) {
            log.warn("Supervisor login refused for '{}' from {}", supervisorId, rc.request().remoteAddress());
            json(rc, 401, error("pin", "unknown supervisor or wrong PIN"));
            return;
        }
        dev.collector.domain.access.Role role = admin ? dev.collector.domain.access.Role.ADMIN
                : dev.collector.domain.access.Role.SUPERVISOR;
        String token = sessions.open(supervisorId, role);
        rc.response().addCookie(Cookie.cookie(SESSION_COOKIE, token).setHttpOnly(true).setPath("/supervisor")
                .setSameSite(CookieSameSite.STRICT).setSecure(rc.request().isSSL()));
        log.info("{} {} logged in", admin ? "Administrator" : "Supervisor", supervisorId);
        json(rc, 200, new JsonObject().put("supervisorId", supervisorId).put("role", role.name()));
    }

    private void logout(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(SESSION_COOKIE);
        sessions.close(cookie == null ? null : cookie.getValue());
        rc.response().removeCookie(SESSION_COOKIE);
        json(rc, 200, new JsonObject());
    }

    /** A route guard for other supervisor pages' data (the reports): a 401 without a supervisor's session. */
    public io.vertx.core.Handler<RoutingContext> supervisorsOnly() {
        return rc -> withSupervisor(rc, id -> rc.next());
    }

    private void withSupervisor(RoutingContext rc, java.util.function.Consumer<String> then) {
        Cookie cookie = rc.request().getCookie(SESSION_COOKIE);
        Optional<String> supervisor = sessions.supervisorOf(cookie == null ? null : cookie.getValue());
        if (supervisor.isEmpty()) {
            json(rc, 401, error("session", "log in as a supervisor first"));
            return;
        }
        then.accept(supervisor.get());
    }

    private void act(RoutingContext rc, String supervisorId) {
        SupervisorAction action;
        try {
            action = SupervisorAction.from(body(rc));
        } catch (SupervisorAction.Invalid e) {
            journal(new SupervisorActionJournal.Entry(clock.instant(), supervisorId,
                    String.valueOf(body(rc).getValue("action")), "", "refused: " + e.getMessage()));
            json(rc, 400, error(e.field(), e.reason()));
            return;
        }
        dev.collector.domain.access.Role role = sessionOf(rc).map(dev.collector.console.access.WebPrincipal::role)
                .orElse(dev.collector.domain.access.Role.SUPERVISOR);
        if (!role.mayActAs(action.needs())) {
            journal(new SupervisorActionJournal.Entry(clock.instant(), supervisorId, action.name(), action.target(),
                    "refused: needs the " + action.needs() + " role"));
            json(rc, 403, error("action", action.name() + " needs the " + action.needs() + " role; you are "
                    + role));
            return;
        }
        CompletionStage<String> done = action.carryOut(controls);
        Future.fromCompletionStage(done, context).onComplete(result -> {
            String outcome = result.succeeded() ? "done: " + result.result() : "refused: " + messageOf(result.cause());
            journal(new SupervisorActionJournal.Entry(clock.instant(), supervisorId, action.name(), action.target(),
                    outcome)).onComplete(written -> {
                        if (result.succeeded()) {
                            json(rc, 200, new JsonObject().put("done", result.result()));
                            sample(); // every wall sees the change now, not in a second
                        } else if (unwrapped(result.cause()) instanceof IllegalArgumentException) {
                            json(rc, 400, error(action.fieldOf(unwrapped(result.cause())), reasonOf(result.cause())));
                        } else {
                            json(rc, 409, error(action.name(), messageOf(result.cause())));
                        }
                    });
        });
    }

    private Future<Void> journal(SupervisorActionJournal.Entry entry) {
        return vertx.executeBlocking(() -> {
            journal.record(entry);
            return null;
        }, false);
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    private static String messageOf(Throwable failure) {
        Throwable cause = unwrapped(failure);
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** The message without the field it starts with ("campaignId: no campaign x" is "no campaign x"). */
    private static String reasonOf(Throwable failure) {
        String message = messageOf(failure);
        int colon = message.indexOf(": ");
        return colon > 0 && message.substring(0, colon).matches("[a-zA-Z]+") ? message.substring(colon + 2) : message;
    }

    private static JsonObject body(RoutingContext rc) {
        try {
            JsonObject body = rc.body().asJsonObject();
            return body == null ? new JsonObject() : body;
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    static JsonObject error(String field, String reason) {
        return new JsonObject().put("field", field).put("error", field + ": " + reason);
    }

    private static void json(RoutingContext rc, int status, JsonObject body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }

    static JsonObject toJson(FloorSnapshot s) {
        JsonArray agents = new JsonArray();
        s.agents().forEach(a -> agents.add(new JsonObject().put("agentId", a.agentId()).put("name", a.name())
                .put("state", a.state()).put("since", a.since().toString())));
        JsonObject byStatus = new JsonObject();
        s.casesByStatus().forEach(byStatus::put);
        JsonObject ended = new JsonObject();
        s.endedByResult().forEach(ended::put);
        FloorDetail d = s.detail();
        JsonArray campaigns = new JsonArray();
        d.campaigns().forEach(c -> campaigns.add(new JsonObject().put("campaignId", c.campaignId())
                .put("displayName", c.displayName()).put("state", c.state()).put("dialMode", c.dialMode())));
        JsonObject healthJson = new JsonObject();
        d.health().forEach(healthJson::put);
        FloorDetail.CallsPerDebtor perDebtor = d.callsPerDebtor();
        return new JsonObject()
                .put("at", s.at().toString())
                .put("campaignId", s.campaignId())
                .put("pacing", s.pacing())
                .put("pacingDetail", new JsonObject()
                        .put("campaignMode", s.pacingDetail().campaignMode())
                        .put("modeInForce", s.pacingDetail().modeInForce())
                        .put("callsPerAgent", s.pacingDetail().callsPerAgent())
                        .put("abandonsInWindow", s.pacingDetail().abandonsInWindow())
                        .put("answeredInWindow", s.pacingDetail().answeredInWindow())
                        .put("abandonRateInWindow", s.pacingDetail().abandonRateInWindow())
                        .put("abandonCap", s.pacingDetail().abandonCap())
                        .put("window", s.pacingDetail().window())
                        .put("governorEngagedSince", s.pacingDetail().governorEngagedSince())
                        .put("reason", s.pacingDetail().reason()))
                .put("dialed", s.dialed())
                .put("callsInFlight", s.callsInFlight())
                .put("waitingCases", s.waitingCases())
                .put("casesByStatus", byStatus)
                .put("endedByResult", ended)
                .put("answerRate", s.answerRate())
                .put("abandonRate", s.abandonRate())
                .put("humanAnswers", s.humanAnswers())
                .put("machineAnswers", s.machineAnswers())
                .put("agents", agents)
                .put("campaigns", campaigns)
                .put("today", new JsonObject().put("answered", d.today().answered())
                        .put("abandoned", d.today().abandoned()).put("abandonRate", d.today().abandonRate()))
                .put("oldestWaiting", d.oldestWaiting().map(Object::toString).orElse(""))
                .put("callsPerDebtor", new JsonObject().put("known", perDebtor.known())
                        .put("debtorsToday", perDebtor.debtorsToday()).put("callsToday", perDebtor.callsToday())
                        .put("mostToday", perDebtor.mostToday()).put("debtorsThisWeek", perDebtor.debtorsThisWeek())
                        .put("callsThisWeek", perDebtor.callsThisWeek()).put("mostThisWeek", perDebtor.mostThisWeek()))
                .put("sla", new JsonObject().put("known", d.sla().known()).put("nearDue", d.sla().nearDue())
                        .put("pastDue", d.sla().pastDue()))
                .put("health", healthJson);
    }
}
