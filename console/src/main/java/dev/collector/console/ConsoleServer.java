package dev.collector.console;

import dev.collector.console.access.AccessTrail;
import dev.collector.console.access.AccessTrailRoute;
import dev.collector.console.access.WebAccessGuard;
import dev.collector.console.agentdesktop.AgentLogins;
import dev.collector.domain.access.AccessAudit;
import dev.collector.console.agentdesktop.WebAgentDesktop;
import dev.collector.console.operations.OperationsRoutes;
import dev.collector.console.supervisor.AgentsOnFloor;
import dev.collector.console.supervisor.FloorSnapshot;
import dev.collector.console.supervisor.FloorSource;
import dev.collector.console.supervisor.SupervisorWall;
import dev.collector.routing.disposition.RecordingDisposition;
import dev.collector.routing.roster.AgentRoster;
import java.util.List;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser faces of Collector on one HTTP port: the agent desktop at {@code /agent} (page and
 * socket), the supervisor wall at {@code /supervisor}, {@code /health}, {@code /health/live},
 * {@code /health/ready} and {@code /metrics}. A verticle: deploy it with {@link #deploy} or
 * {@code vertx.deployVerticle(console)}; its {@link #agentDesktop()} is what routing pushes screen
 * pops to once it is deployed.
 */
public final class ConsoleServer extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
    /** Agent messages are small; a bigger one is a mistake or an attack, not a disposition. */
    private static final int MAX_SOCKET_MESSAGE = 64 * 1024;

    private final ConsoleOptions options;
    private final WebAgentDesktop agentDesktop;
    private final SupervisorWall supervisorWall;
    private final OperationsRoutes operations;
    private final Clock clock;
    /** Where reads of debtors' data through the console are written down; none until the app says. */
    private volatile AccessAudit accessAudit = AccessAudit.none();
    private volatile AccessTrail accessTrail = AccessTrail.none();
    private volatile List<String> routes = List.of();
    /** The managers' report page, if the node keeps reports. */
    private volatile java.util.Optional<dev.collector.console.reports.ReportsPage> reports = java.util.Optional.empty();
    private HttpServer server;
    private volatile int port = -1;

    /** A console whose supervisor wall shows the agents only (no dialer to report on). */
    public ConsoleServer(ConsoleOptions options, AgentRoster roster, RecordingDisposition recording, Clock clock) {
        this(options, roster, recording, clock, () -> CompletableFuture.completedFuture(new FloorSnapshot(
                clock.instant(), "", "none", 0, 0, 0, Map.of(), Map.of(), AgentsOnFloor.of(roster))));
    }

    public ConsoleServer(ConsoleOptions options, AgentRoster roster, RecordingDisposition recording, Clock clock,
                         FloorSource floor) {
        this(options, roster, recording, clock, floor, AgentLogins.open());
    }

    /** @param logins the agents' PINs: without one an agent logs in with the id alone */
    public ConsoleServer(ConsoleOptions options, AgentRoster roster, RecordingDisposition recording, Clock clock,
                         FloorSource floor, AgentLogins logins) {
        this(options, roster, recording, clock, logins, new SupervisorWall(floor, clock), OperationsRoutes.none());
    }

    /**
     * @param supervisorWall the wall with its supervisors and the controls they steer the floor with
     * @param operations     health, readiness and metrics of the node
     */
    public ConsoleServer(ConsoleOptions options, AgentRoster roster, RecordingDisposition recording, Clock clock,
                         AgentLogins logins, SupervisorWall supervisorWall, OperationsRoutes operations) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.agentDesktop = new WebAgentDesktop(roster, recording, clock, logins);
        this.supervisorWall = Objects.requireNonNull(supervisorWall, "supervisorWall");
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    /** Deploys a console on the given Vert.x; the future completes once it listens. */
    public static Future<ConsoleServer> deploy(Vertx vertx, ConsoleOptions options, AgentRoster roster,
                                               RecordingDisposition recording, Clock clock) {
        return deploy(vertx, new ConsoleServer(options, roster, recording, clock));
    }

    public static Future<ConsoleServer> deploy(Vertx vertx, ConsoleServer console) {
        return vertx.deployVerticle(console).map(id -> console);
    }

    /** Serves the report page at {@code /supervisor/reports} too; call before deploying. */
    public ConsoleServer withReports(java.util.Optional<dev.collector.console.reports.ReportsPage> page) {
        this.reports = java.util.Objects.requireNonNull(page, "page");
        return this;
    }

    /**
     * Writes each report view, export and case view of a supervisor, and each look at the trail by
     * an administrator, to the audit; {@code trail} is what administrators read back. Call before deploying.
     */
    public ConsoleServer withAccessAudit(AccessAudit audit, AccessTrail trail) {
        this.accessAudit = Objects.requireNonNull(audit, "audit");
        this.accessTrail = Objects.requireNonNull(trail, "trail");
        return this;
    }

    /** The routes registered on the router, as declared ({@code /agent/*}); empty before it starts. */
    public List<String> routes() {
        return routes;
    }

    /**
     * The agents' screens as routing sees them. Screen pops sent while the console is not deployed
     * have no screen to reach: they are logged and dropped.
     */
    public WebAgentDesktop agentDesktop() {
        return agentDesktop;
    }

    /** The port the console listens on. @throws IllegalStateException before it listens */
    public int port() {
        int bound = port;
        if (bound < 0) {
            throw new IllegalStateException("the console is not listening");
        }
        return bound;
    }

    /** Stops the console: undeploys it (closing every agent socket). */
    public Future<Void> close() {
        if (context == null || deploymentID() == null) {
            return Future.succeededFuture();
        }
        return vertx.undeploy(deploymentID());
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        // first of all: every request is let through only to the role its route needs (WebAccessRules)
        WebAccessGuard guard = new WebAccessGuard(supervisorWall::sessionOf, accessAudit, clock);
        router.route().handler(guard);
        router.get("/health").handler(this::health);
        router.get("/").handler(rc -> rc.redirect("/agent"));
        agentDesktop.mountOn(router);
        operations.mountOn(router);
        reports.ifPresent(page -> {
            // the figures are the creditor's business: only a logged-in supervisor reads them
            for (String data : List.of("/supervisor/reports/kpis", "/supervisor/reports/strategies",
                    "/supervisor/reports/cases/*")) {
                router.route(data).handler(supervisorWall.supervisorsOnly());
            }
            page.mountOn(router, vertx);
        });
        // before the wall's catch-all static route under /supervisor
        new AccessTrailRoute(accessTrail, accessAudit, supervisorWall::sessionOf, clock).mountOn(router, vertx);
        supervisorWall.mountOn(router, vertx, context);
        routes = router.getRoutes().stream().skip(1).map(ConsoleServer::declared).toList();
        guard.routesRegistered(routes);
        HttpServerOptions serverOptions = new HttpServerOptions()
                .setHost(options.host())
                .setPort(options.port())
                .setMaxWebSocketMessageSize(MAX_SOCKET_MESSAGE);
        // HTTP/1.1 over TLS only (no ALPN): the agent socket is an HTTP/1.1 upgrade anyway, and form
        // posts over HTTP/2 stalled in our test of it (Java's client, Vert.x 5.0.7)
        options.tls().ifPresent(tls -> serverOptions.setSsl(true).setUseAlpn(false).setKeyCertOptions(
                new PemKeyCertOptions().setCertPath(tls.certificateChain().toString())
                        .setKeyPath(tls.privateKey().toString())));
        return vertx.createHttpServer(serverOptions)
                .requestHandler(router)
                .listen()
                .onSuccess(listening -> {
                    server = listening;
                    port = listening.actualPort();
                    log.info("console listening on {}://{}:{}/agent", options.scheme(), options.host(), port);
                });
    }

    @Override
    public Future<?> stop() {
        agentDesktop.unmount();
        supervisorWall.unmount();
        port = -1;
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** A route as it was declared: its path, with {@code *} for a prefix route. */
    private static String declared(io.vertx.ext.web.Route route) {
        // Vert.x names a route by its path, a prefix route ("/agent/*") without the star
        String name = route.getName() != null ? route.getName() : String.valueOf(route.getPath());
        return !route.isExactPath() && name.endsWith("/") ? name + "*" : name;
    }

    private void health(RoutingContext rc) {
        rc.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("status", "UP")
                        .put("agentsConnected", agentDesktop.connectedAgents())
                        .encode());
    }
}
