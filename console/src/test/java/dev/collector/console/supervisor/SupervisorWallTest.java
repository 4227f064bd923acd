package dev.collector.console.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.console.ConsoleFixture;
import dev.collector.console.ConsoleOptions;
import dev.collector.console.ConsoleServer;
import dev.collector.console.agentdesktop.AgentLogins;
import dev.collector.console.operations.OperationsRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wall over a real console on a free port: who may see and steer it, what is journaled, the
 * live stream, health and metrics. The controls here only note what they are asked; the app's
 * browser test carries them out on a real dialer.
 */
class SupervisorWallTest {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final NotedControls controls = new NotedControls();
    private final Map<String, Boolean> parts = new ConcurrentHashMap<>(Map.of("hazelcast", true, "ami", true));
    private final Path journalFile = Path.of("target", "supervisor-wall-test", "actions-" + System.nanoTime() + ".jsonl");
    private Vertx vertx;
    private ConsoleFixture fixture;
    private ConsoleServer console;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        fixture = ConsoleFixture.start(vertx, Clock.systemUTC(), "a1", "a2");
        Clock clock = Clock.systemUTC();
        FloorSource floor = () -> CompletableFuture.completedFuture(new FloorSnapshot(clock.instant(), "c1",
                "progressive", 12, 1, 40, Map.of("WAITING", 40L), Map.of("ANSWERED", 9L, "ABANDONED", 1L),
                AgentsOnFloor.of(fixture.roster)));
        SupervisorWall wall = new SupervisorWall(floor, controls,
                new SupervisorLogins(Map.of("sv1", AgentLogins.digestOf("4321"))),
                new SupervisorActionJournal(java.util.Optional.of(journalFile)), () -> Map.copyOf(parts),
                AlertThresholds.defaults(), clock);
        console = ConsoleServer.deploy(vertx, new ConsoleServer(ConsoleOptions.localEphemeral(), fixture.roster,
                fixture.recording, clock, AgentLogins.open(), wall,
                new OperationsRoutes(() -> Map.copyOf(parts), () -> "collector_test_metric 1.0\n"))
                .withReports(java.util.Optional.of(new dev.collector.console.reports.ReportsPage(
                        new dev.collector.console.reports.ReportSource() {
                            @Override
                            public java.util.concurrent.CompletionStage<dev.collector.console.reports.ReportTable> kpis(
                                    java.time.Instant from, java.time.Instant to, String by) {
                                return CompletableFuture.failedFuture(new IllegalStateException("no reports here"));
                            }

                            @Override
                            public java.util.concurrent.CompletionStage<dev.collector.console.reports.ReportTable>
                                    strategies(java.time.Instant from, java.time.Instant to) {
                                return CompletableFuture.failedFuture(new IllegalStateException("no reports here"));
                            }
                        }, clock))))
                .await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        console.close().await(10, TimeUnit.SECONDS);
        fixture.close();
        vertx.close().await();
    }

    @Test
    void theFloorIsShownOnlyToALoggedInSupervisor() throws Exception {
        assertThat(get("/supervisor/floor").statusCode()).isEqualTo(401);
        assertThat(post("/supervisor/login", new JsonObject().put("supervisorId", "sv1").put("pin", "1234"))
                .statusCode()).isEqualTo(401);
        assertThat(post("/supervisor/login", new JsonObject().put("supervisorId", "a1").put("pin", "4321"))
                .statusCode()).isEqualTo(401);
        assertThat(get("/supervisor/floor").statusCode()).isEqualTo(401);

        logIn();
        fixture.roster.logIn("a1");
        fixture.roster.ready("a1");
        JsonObject floor = new JsonObject(get("/supervisor/floor").body());

        assertThat(floor.getJsonArray("agents").stream().map(JsonObject.class::cast)
                .map(a -> a.getString("agentId") + "=" + a.getString("state")).toList())
                .containsExactly("a1=READY", "a2=LOGGED_OUT");
        assertThat(floor.getLong("humanAnswers")).isEqualTo(10);
    }

    @Test
    void theReportsFiguresAreShownOnlyToALoggedInSupervisor() throws Exception {
        for (String data : java.util.List.of("/supervisor/reports/kpis?by=agent", "/supervisor/reports/strategies",
                "/supervisor/reports/cases/c-1")) {
            assertThat(get(data).statusCode()).as(data).isEqualTo(401);
        }
        logIn();
        assertThat(get("/supervisor/reports/kpis?by=agent").statusCode()).isNotEqualTo(401);
    }

    @Test
    void anActionWithoutASessionIsRefusedAndNothingChanges() throws Exception {
        HttpResponse<String> refused = post("/supervisor/actions",
                new JsonObject().put("action", "pause-campaign").put("campaignId", "c1"));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(controls.calls).isEmpty();
    }

    @Test
    void aSupervisorsActionIsCarriedOutAndJournaledWithWhoWhatAndWhen() throws Exception {
        logIn();
        Instant before = Instant.now();

        HttpResponse<String> done = post("/supervisor/actions",
                new JsonObject().put("action", "pause-campaign").put("campaignId", "c1").put("reason", "storm"));

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(done.body()).getString("done")).isEqualTo("campaign c1 paused");
        assertThat(controls.calls).containsExactly("pause c1 storm");
        List<String> lines = Files.readAllLines(journalFile);
        assertThat(lines).hasSize(1);
        JsonObject entry = new JsonObject(lines.get(0));
        assertThat(entry.getString("supervisorId")).isEqualTo("sv1");
        assertThat(entry.getString("action")).isEqualTo("pause-campaign");
        assertThat(entry.getString("target")).isEqualTo("c1");
        assertThat(entry.getString("outcome")).isEqualTo("done: campaign c1 paused");
        assertThat(Instant.parse(entry.getString("at"))).isBetween(before, Instant.now());
    }

    @Test
    void badActionsAreRefusedNamingTheFieldAndJournaled() throws Exception {
        logIn();

        HttpResponse<String> mode = post("/supervisor/actions",
                new JsonObject().put("action", "change-dial-mode").put("campaignId", "c1").put("dialMode", "TURBO"));
        HttpResponse<String> cap = post("/supervisor/actions",
                new JsonObject().put("action", "cap-abandon-rate").put("campaignId", "c1").put("abandonCap", "lots"));
        HttpResponse<String> queues = post("/supervisor/actions",
                new JsonObject().put("action", "move-agent").put("agentId", "a1").put("queues", "JUNIOR>VIP"));
        HttpResponse<String> agent = post("/supervisor/actions",
                new JsonObject().put("action", "pause-agent").put("agentId", "nobody"));

        assertThat(mode.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(mode.body()).getString("field")).isEqualTo("dialMode");
        assertThat(new JsonObject(cap.body()).getString("field")).isEqualTo("abandonCap");
        assertThat(new JsonObject(queues.body()).getString("error")).isEqualTo(
                "queues: unknown queue VIP (SPECIAL, SENIOR, JUNIOR)");
        assertThat(agent.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(agent.body()).getString("error")).isEqualTo("agentId: no agent nobody");
        assertThat(controls.calls).containsExactly("pause-agent nobody");
        assertThat(Files.readAllLines(journalFile)).hasSize(4)
                .allSatisfy(line -> assertThat(new JsonObject(line).getString("outcome")).startsWith("refused: "));
    }

    @Test
    void theStreamSendsTheFloorWithItsAlertsEverySecond() throws Exception {
        logIn();
        parts.put("ami", false);

        HttpResponse<InputStream> stream = http.send(request("/supervisor/stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            // the event sampled before the PBX went down may come first
            JsonObject first = nextEvent(lines);
            for (int i = 0; i < 3 && first.getJsonObject("floor").getJsonObject("health").getBoolean("ami"); i++) {
                first = nextEvent(lines);
            }
            JsonObject second = nextEvent(lines);

            assertThat(first.getJsonObject("floor").getLong("waitingCases")).isEqualTo(40);
            assertThat(first.getJsonObject("floor").getJsonObject("health").getBoolean("ami")).isFalse();
            assertThat(first.getJsonArray("alerts").stream().map(JsonObject.class::cast)
                    .map(a -> a.getString("code")).toList()).contains(FloorAlerts.AMI_DOWN);
            assertThat(Instant.parse(second.getJsonObject("floor").getString("at")))
                    .isAfter(Instant.parse(first.getJsonObject("floor").getString("at")));
        }
    }

    @Test
    void healthReadinessAndMetricsAreServed() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        parts.put("ami", false);
        HttpResponse<String> notReady = get("/health/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(notReady.body()).getJsonObject("parts").getString("ami")).isEqualTo("DOWN");
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body()).contains("collector_test_metric 1.0");
    }

    @Test
    void theWallPageAndItsChartLibraryAreServed() throws Exception {
        HttpResponse<String> page = get("/supervisor");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"abandon-rate\"").contains("chart.umd.min.js");
        assertThat(get("/supervisor/wall.js").body()).contains("new EventSource('/supervisor/stream')");
        HttpResponse<String> chart = get("/supervisor/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("Chart");
    }

    private static JsonObject nextEvent(BufferedReader lines) throws Exception {
        CompletableFuture<JsonObject> event = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data: ")) {
                        return new JsonObject(line.substring(6));
                    }
                }
                throw new AssertionError("the stream ended");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return event.get(5, TimeUnit.SECONDS);
    }

    private void logIn() throws Exception {
        HttpResponse<String> login = post("/supervisor/login", new JsonObject().put("supervisorId", "sv1").put("pin", "4321"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).containsIgnoringCase("HttpOnly");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                .timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, JsonObject body) throws Exception {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Notes what it is asked; an unknown agent is refused as the app's controls refuse one. */
    private static final class NotedControls implements FloorControls {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<String> pauseCampaign(String campaignId, String reason) {
            calls.add("pause " + campaignId + " " + reason);
            return CompletableFuture.completedFuture("campaign " + campaignId + " paused");
        }

        @Override
        public CompletionStage<String> resumeCampaign(String campaignId) {
            calls.add("resume " + campaignId);
            return CompletableFuture.completedFuture("campaign " + campaignId + " resumed");
        }

        @Override
        public CompletionStage<String> changeDialMode(String campaignId, String dialMode) {
            calls.add("mode " + campaignId + " " + dialMode);
            return CompletableFuture.completedFuture("set");
        }

        @Override
        public CompletionStage<String> capAbandonRate(String campaignId, double abandonCap) {
            calls.add("cap " + campaignId + " " + abandonCap);
            return CompletableFuture.completedFuture("capped");
        }

        @Override
        public CompletionStage<String> moveAgent(String agentId, List<String> queues) {
            calls.add("move " + agentId + " " + queues);
            return CompletableFuture.completedFuture("moved");
        }

        @Override
        public CompletionStage<String> pauseAgent(String agentId, String reason) {
            calls.add("pause-agent " + agentId);
            return CompletableFuture.failedFuture(new IllegalArgumentException("agentId: no agent " + agentId));
        }
    }
}
