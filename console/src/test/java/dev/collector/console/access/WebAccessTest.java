package dev.collector.console.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.console.ConsoleFixture;
import dev.collector.console.ConsoleOptions;
import dev.collector.console.ConsoleServer;
import dev.collector.console.TestAgentSocket;
import dev.collector.console.agentdesktop.AgentLogins;
import dev.collector.console.agentdesktop.AgentSocketProtocol;
import dev.collector.console.operations.OperationsRoutes;
import dev.collector.console.reports.ReportSource;
import dev.collector.console.reports.ReportTable;
import dev.collector.console.reports.ReportsPage;
import dev.collector.console.supervisor.AgentsOnFloor;
import dev.collector.console.supervisor.AlertThresholds;
import dev.collector.console.supervisor.FloorControls;
import dev.collector.console.supervisor.FloorSnapshot;
import dev.collector.console.supervisor.SupervisorActionJournal;
import dev.collector.console.supervisor.SupervisorLogins;
import dev.collector.console.supervisor.SupervisorWall;
import dev.collector.domain.access.AccessAudit;
import dev.collector.domain.access.DataAccess;
import dev.collector.domain.access.Role;
import dev.collector.routing.roster.AgentState;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route the console's router registers has a rule in {@link WebAccessRules}, and over real
 * HTTP a caller without the role a route needs is refused (401 without a session, 403 with the
 * wrong one); every agent socket message but {@code login} is refused to a socket with no agent
 * logged in; the reads of debtors' data through the console are audited.
 */
class WebAccessTest {

    static final Clock CLOCK = Clock.systemUTC();
    static final List<DataAccess> audited = new CopyOnWriteArrayList<>();
    static final List<String> controlled = new CopyOnWriteArrayList<>();
    static Vertx vertx;
    static ConsoleFixture fixture;
    static ConsoleServer console;
    static HttpClient anonymous;
    static HttpClient supervisor;
    static HttpClient admin;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        fixture = ConsoleFixture.start(vertx, CLOCK, "a1", "a2");
        SupervisorWall wall = new SupervisorWall(() -> CompletableFuture.completedFuture(new FloorSnapshot(
                CLOCK.instant(), "c1", "progressive", 0, 0, 0, Map.of(), Map.of(), AgentsOnFloor.of(fixture.roster))),
                notingControls(), new SupervisorLogins(Map.of("sv1", AgentLogins.digestOf("4321"))),
                new SupervisorActionJournal(Optional.empty()), Map::of, AlertThresholds.defaults(), CLOCK)
                .withAdmins(new SupervisorLogins(Map.of("ad1", AgentLogins.digestOf("9876"))));
        AccessAudit audit = new AccessAudit() {
            @Override
            public void record(DataAccess access) {
                audited.add(access);
            }

            @Override
            public long dropped() {
                return 0;
            }
        };
        console = ConsoleServer.deploy(vertx, new ConsoleServer(ConsoleOptions.localEphemeral(), fixture.roster,
                fixture.recording, CLOCK, AgentLogins.open(), wall, new OperationsRoutes(Map::of, () -> "m 1\n"))
                .withReports(Optional.of(new ReportsPage(reports(), CLOCK)))
                .withAccessAudit(audit, caseId -> CompletableFuture.completedFuture(audited.stream()
                        .filter(a -> a.caseId().equals(caseId)).toList())))
                .await(10, TimeUnit.SECONDS);
        anonymous = HttpClient.newHttpClient();
        supervisor = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        admin = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(post(supervisor, "/supervisor/login", new JsonObject().put("supervisorId", "sv1").put("pin", "4321"))
                .statusCode()).isEqualTo(200);
        assertThat(post(admin, "/supervisor/login", new JsonObject().put("supervisorId", "ad1").put("pin", "9876"))
                .statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        console.close().await(10, TimeUnit.SECONDS);
        fixture.close();
        vertx.close().await();
    }

    @Test
    void everyRegisteredRouteDeclaresTheRoleItNeeds() {
        assertThat(console.routes()).as("routes the router registered").hasSizeGreaterThan(15);
        for (String route : console.routes()) {
            assertThat(WebAccessRules.forRoute(route)).as("the rule of route %s (WebAccessRules)", route).isPresent();
        }
    }

    @Test
    void everyRouteThatNeedsARoleRefusesWhoeverLacksIt() throws Exception {
        int checked = 0;
        for (String route : console.routes()) {
            WebAccessRules.Rule rule = WebAccessRules.forRoute(route).orElseThrow();
            String path = concrete(route);
            if (rule.needs().isEmpty()) {
                assertThat(status(anonymous, path)).as("open route %s, anonymously", path).isNotIn(401, 403);
                continue;
            }
            checked++;
            assertThat(status(anonymous, path)).as("%s without a session", path).isEqualTo(401);
            if (rule.needs().get() == Role.ADMIN) {
                assertThat(status(supervisor, path)).as("%s as a supervisor", path).isEqualTo(403);
            } else {
                assertThat(status(supervisor, path)).as("%s as a supervisor", path).isNotIn(401, 403);
            }
            assertThat(status(admin, path)).as("%s as an administrator", path).isNotIn(401, 403);
        }
        assertThat(checked).as("routes that need a role").isGreaterThanOrEqualTo(8);
    }

    @Test
    void aPathNoRuleCoversIsRefusedToEveryone() throws Exception {
        assertThat(status(admin, "/internal/dump")).isEqualTo(403);
        assertThat(status(anonymous, "/internal/dump")).isEqualTo(403);
    }

    @Test
    void aRouteAddedWithoutARuleIsRefusedEvenUnderAnOpenPrefix() throws Exception {
        io.vertx.ext.web.Router router = io.vertx.ext.web.Router.router(vertx);
        WebAccessGuard guard = new WebAccessGuard(rc -> Optional.of(new WebPrincipal("ad1", Role.ADMIN)),
                AccessAudit.none(), CLOCK);
        router.route().handler(guard);
        router.get("/supervisor/debtors-export").handler(rc -> rc.response().end("every debtor"));
        router.get("/supervisor/floor").handler(rc -> rc.response().end("the floor"));
        guard.routesRegistered(List.of("/supervisor/debtors-export", "/supervisor/floor"));
        io.vertx.core.http.HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .await(5, TimeUnit.SECONDS);
        try {
            HttpResponse<String> unruled = anonymous.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.actualPort() + "/supervisor/debtors-export")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> ruled = anonymous.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.actualPort() + "/supervisor/floor")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(unruled.statusCode()).isEqualTo(403);
            assertThat(unruled.body()).contains("WebAccessRules").doesNotContain("every debtor");
            assertThat(ruled.statusCode()).as("an administrator may act as a supervisor").isEqualTo(200);
        } finally {
            server.close().await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void onlyAnAdministratorChangesTheAbandonCapAndASupervisorIsToldWhy() throws Exception {
        JsonObject cap = new JsonObject().put("action", "cap-abandon-rate").put("campaignId", "c1").put("abandonCap", "2");

        HttpResponse<String> bySupervisor = post(supervisor, "/supervisor/actions", cap);
        HttpResponse<String> byAdmin = post(admin, "/supervisor/actions", cap);
        HttpResponse<String> pauseBySupervisor = post(supervisor, "/supervisor/actions",
                new JsonObject().put("action", "pause-campaign").put("campaignId", "c1"));

        assertThat(bySupervisor.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(bySupervisor.body()).getString("error")).contains("ADMIN");
        assertThat(byAdmin.statusCode()).isEqualTo(200);
        assertThat(pauseBySupervisor.statusCode()).isEqualTo(200);
        assertThat(controlled).containsExactly("cap c1 0.02", "pause c1");
    }

    @Test
    void reportViewsExportsAndCaseViewsAreAuditedWithWhoAndWhat() throws Exception {
        assertThat(status(supervisor, "/supervisor/reports/kpis?from=2026-11-01&to=2026-11-22&by=agent&format=csv"))
                .isEqualTo(200);
        assertThat(status(supervisor, "/supervisor/reports/cases/case-77")).isEqualTo(200);
        assertThat(status(anonymous, "/supervisor/reports/cases/case-78")).isEqualTo(401);

        assertThat(audited).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("export:kpis.csv");
            assertThat(a.role()).isEqualTo(Role.SUPERVISOR);
            assertThat(a.principal()).isEqualTo("sv1");
            assertThat(a.detail()).contains("from=2026-11-01");
        });
        assertThat(audited).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("report:case-strategy");
            assertThat(a.caseId()).isEqualTo("case-77");
        });
        assertThat(audited).noneMatch(a -> a.caseId().equals("case-78"));

        HttpResponse<String> trail = admin.send(request("/supervisor/admin/access?caseId=case-77").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(trail.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(trail.body()).getJsonArray("accesses").getJsonObject(0).getString("who"))
                .isEqualTo("sv1");
    }

    @Test
    void aScreenPopIsAuditedAsTheAgentsReadOfTheCase() {
        AuditedAgentDesktop screens = new AuditedAgentDesktop(console.agentDesktop(), audited::add, CLOCK);
        fixture.roster.logIn("a2");
        fixture.roster.ready("a2");
        ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-popped"), List.of());
        screens.screenPop(new dev.collector.routing.desktop.ScreenPop(call.agentId(), call.attemptId(),
                call.aCase().primaryPhone(), call.aCase(), List.of()));

        assertThat(audited).anySatisfy(a -> {
            assertThat(a.role()).isEqualTo(Role.AGENT);
            assertThat(a.principal()).isEqualTo(call.agentId());
            assertThat(a.action()).isEqualTo("screen-pop");
            assertThat(a.caseId()).isEqualTo("case-popped");
        });
        fixture.hangUp(call);
    }

    @Test
    void everyAgentSocketMessageButLoginIsRefusedToASocketWithoutAnAgent() throws Exception {
        List<String> types = new ArrayList<>();
        for (Field field : AgentSocketProtocol.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("PATH")) {
                types.add((String) field.get(null));
            }
        }
        assertThat(types).contains(AgentSocketProtocol.READY, AgentSocketProtocol.DISPOSITION, AgentSocketProtocol.LOGIN);
        try (TestAgentSocket socket = TestAgentSocket.open(vertx, console.port())) {
            for (String type : types) {
                JsonObject reply = socket.send(new JsonObject().put("type", type).put("agentId", "a1")
                        .put("attemptId", "att-1").put("disposition", "REFUSED")).next();
                if (type.equals(AgentSocketProtocol.LOGIN)) {
                    assertThat(reply.getString("type")).as("login answers with the agent's status").isEqualTo("status");
                    socket.type(AgentSocketProtocol.LOGOUT).next();
                    continue;
                }
                assertThat(reply.getString("type")).as("reply to '%s' before login", type).isEqualTo("error");
            }
        }
        assertThat(fixture.stateOf("a1")).as("nothing changed for the agent named").isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void anAgentsSocketActsForThatAgentOnlyWhateverAgentAMessageNames() throws Exception {
        try (TestAgentSocket socket = TestAgentSocket.open(vertx, console.port())) {
            socket.login("a1").nextStatus("PAUSED");
            socket.send(new JsonObject().put("type", AgentSocketProtocol.READY).put("agentId", "a2"));
            socket.nextStatus("READY");

            assertThat(fixture.stateOf("a1")).isEqualTo(AgentState.READY);
            assertThat(fixture.stateOf("a2")).isNotEqualTo(AgentState.READY);
            socket.type(AgentSocketProtocol.LOGOUT);
        }
    }

    /** A request path for a route: a sample id for a parameter, a file for a prefix. */
    private static String concrete(String route) {
        return route.replace(":caseId", "case-1").replace("/*", "/index.html")
                + (route.equals(AccessTrailRoute.PATH) ? "?caseId=case-1" : "")
                + (route.endsWith("/kpis") || route.endsWith("/strategies") ? "?from=2026-11-01&to=2026-11-02" : "");
    }

    /** The status of a GET, or of a POST for routes that only take POST; the body is not awaited (SSE). */
    private static int status(HttpClient client, String path) throws Exception {
        boolean post = path.endsWith("/actions") || path.endsWith("/login") || path.endsWith("/logout");
        HttpRequest.Builder builder = request(path);
        if (post) {
            builder.POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json");
        }
        HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                .timeout(Duration.ofSeconds(5));
    }

    private static HttpResponse<String> post(HttpClient client, String path, JsonObject body) throws Exception {
        return client.send(request(path).POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ReportSource reports() {
        ReportTable table = new ReportTable(List.of("agent", "calls"), List.of(List.of("a1", 3)), "agent,calls\na1,3\n");
        return new ReportSource() {
            @Override
            public CompletionStage<ReportTable> kpis(Instant from, Instant to, String by) {
                return CompletableFuture.completedFuture(table);
            }

            @Override
            public CompletionStage<ReportTable> strategies(Instant from, Instant to) {
                return CompletableFuture.completedFuture(table);
            }

            @Override
            public CompletionStage<Optional<JsonObject>> caseStrategy(String caseId) {
                return CompletableFuture.completedFuture(Optional.of(new JsonObject().put("caseId", caseId)));
            }
        };
    }

    private static FloorControls notingControls() {
        return new FloorControls() {
            @Override
            public CompletionStage<String> pauseCampaign(String campaignId, String reason) {
                controlled.add("pause " + campaignId);
                return CompletableFuture.completedFuture("paused");
            }

            @Override
            public CompletionStage<String> resumeCampaign(String campaignId) {
                controlled.add("resume " + campaignId);
                return CompletableFuture.completedFuture("resumed");
            }

            @Override
            public CompletionStage<String> changeDialMode(String campaignId, String dialMode) {
                controlled.add("mode " + campaignId);
                return CompletableFuture.completedFuture("changed");
            }

            @Override
            public CompletionStage<String> capAbandonRate(String campaignId, double abandonCap) {
                controlled.add("cap " + campaignId + " " + abandonCap);
                return CompletableFuture.completedFuture("capped");
            }

            @Override
            public CompletionStage<String> moveAgent(String agentId, List<String> queues) {
                return CompletableFuture.completedFuture("moved");
            }

            @Override
            public CompletionStage<String> pauseAgent(String agentId, String reason) {
                return CompletableFuture.completedFuture("paused");
            }
        };
    }
}
