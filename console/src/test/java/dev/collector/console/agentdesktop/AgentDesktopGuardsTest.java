package dev.collector.console.agentdesktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.console.ConsoleFixture;
import dev.collector.console.TestAgentSocket;
import dev.collector.routing.roster.AgentState;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent sees only his own call: PINs keep colleagues out of each other's desktops, the socket
 * refuses another agent's attempt in any message, and no URL shows a case.
 */
class AgentDesktopGuardsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    private static Vertx vertx;

    private ConsoleFixture fixture;
    private final List<TestAgentSocket> sockets = new ArrayList<>();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void startConsole() throws Exception {
        fixture = ConsoleFixture.start(vertx, CLOCK,
                new AgentLogins(Map.of("a1", AgentLogins.digestOf("1111"), "a2", AgentLogins.digestOf("2222"))),
                "a1", "a2");
    }

    @AfterEach
    void stopConsole() throws Exception {
        for (TestAgentSocket socket : sockets) {
            socket.close();
        }
        fixture.close();
    }

    private TestAgentSocket open() throws Exception {
        TestAgentSocket socket = TestAgentSocket.open(vertx, fixture.port());
        sockets.add(socket);
        return socket;
    }

    private TestAgentSocket login(String agentId, String pin) throws Exception {
        TestAgentSocket socket = open();
        socket.send(new JsonObject().put("type", "login").put("agentId", agentId).put("pin", pin));
        return socket;
    }

    private TestAgentSocket readyAgent(String agentId, String pin) throws Exception {
        TestAgentSocket socket = login(agentId, pin);
        socket.nextStatus("PAUSED");
        socket.type("ready").nextStatus("READY");
        return socket;
    }

    @Test
    void anAgentCannotLogInAsAColleagueWithoutTheColleaguesPin() throws Exception {
        TestAgentSocket a2 = readyAgent("a2", "2222");
        ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-of-a2"), List.of());
        a2.next("screenPop");

        TestAgentSocket intruder = login("a2", "1111");
        assertError(intruder, "agentId", "wrong agent id or PIN");
        assertError(login("a2", "").type("ready"), "agentId", "wrong agent id or PIN");
        assertError(login("ghost", "1234"), "agentId", "wrong agent id or PIN");

        // a2 keeps his socket and his call; the intruder saw neither
        assertThat(fixture.roster.status("a2").orElseThrow().attemptId()).contains(call.attemptId());
        a2.send(new JsonObject().put("type", "disposition").put("attemptId", call.attemptId()).put("code", "REFUSED"));
        assertThat(a2.next("dispositionAccepted").getString("attemptId")).isEqualTo(call.attemptId());
    }

    @Test
    void aSocketLoggedInAsOneAgentCannotSwitchToAnotherNorDisposeOfTheOthersCall() throws Exception {
        TestAgentSocket a2 = readyAgent("a2", "2222");
        ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-of-a2"), List.of());
        a2.next("screenPop");
        TestAgentSocket a1 = readyAgent("a1", "1111");

        a1.send(new JsonObject().put("type", "login").put("agentId", "a2").put("pin", "2222"));
        assertError(a1, "agentId", "log out first");
        a1.send(new JsonObject().put("type", "disposition").put("attemptId", call.attemptId()).put("code", "REFUSED"));
        assertError(a1, "attemptId", "not yours");
        a1.send(new JsonObject().put("type", "previewDial").put("attemptId", call.attemptId()));
        assertError(a1, "attemptId", "no preview");

        assertThat(fixture.history.outcome(call.attemptId())).isEmpty();
        assertThat(fixture.stateOf("a2")).isEqualTo(AgentState.ON_CALL);
    }

    @Test
    void noUrlOpensACase() throws Exception {
        fixture.admitCase("case-1");
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/agent/case/case-1", "/agent/cases/case-1", "/agent/index.html/../case-1",
                "/agent/socket?caseId=case-1")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + fixture.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).as(path).doesNotContain("Nováková").doesNotContain("d-case-1");
            assertThat(response.statusCode()).as(path).isIn(404, 426);
        }
    }

    @Test
    void badPreviewChoicesAreAnsweredWithAnErrorNamingTheFieldAndTheOfferStands() throws Exception {
        TestAgentSocket anonymous = open();
        anonymous.send(new JsonObject().put("type", "previewDial").put("attemptId", "att-1"));
        assertError(anonymous, "agentId", "log in first");

        TestAgentSocket a1 = readyAgent("a1", "1111");
        ConsoleFixture.Call offered = fixture.preview(fixture.admitCase("case-p"), Duration.ofSeconds(30));
        JsonObject preview = a1.next("preview");
        assertThat(preview.getString("attemptId")).isEqualTo(offered.attemptId());
        assertThat(preview.getString("dialsAt")).isEqualTo("2026-11-23T09:00:30Z");

        a1.send(new JsonObject().put("type", "previewDial"));
        assertError(a1, "attemptId", "name the previewed attempt");
        a1.send(new JsonObject().put("type", "previewSkip").put("attemptId", 42));
        assertError(a1, "attemptId", "must be text");
        a1.send(new JsonObject().put("type", "previewDial").put("attemptId", "att-someone-elses"));
        assertError(a1, "attemptId", "no preview");
        assertThat(fixture.previewChoices).isEmpty();

        a1.send(new JsonObject().put("type", "previewDial").put("attemptId", offered.attemptId()));
        a1.send(new JsonObject().put("type", "previewSkip").put("attemptId", offered.attemptId()));
        assertError(a1, "attemptId", "already dialed");
        assertThat(fixture.previewChoices).containsExactly("dial:" + offered.attemptId());
    }

    @Test
    void anAgentPausesWithAConfiguredReasonOnly() throws Exception {
        TestAgentSocket a1 = readyAgent("a1", "1111");
        a1.send(new JsonObject().put("type", "pause").put("reason", "SMOKING"));
        assertError(a1, "reason", "BREAK");

        a1.send(new JsonObject().put("type", "pause").put("reason", "TRAINING"));
        JsonObject status = a1.nextStatus("PAUSED");
        assertThat(status.getString("pauseReason")).isEqualTo("TRAINING");
        assertThat(status.getJsonArray("pauseReasons").getList()).contains("BREAK", "LUNCH", "TRAINING");
    }

    @Test
    void theScreenPopCarriesTheBridgeTimeFlagsLanguageAndTalkingPoints() throws Exception {
        TestAgentSocket a1 = readyAgent("a1", "1111");
        fixture.dial(fixture.admitCase("case-1").withRouting("cs", java.util.Set.of("VIP")), List.of());
        JsonObject pop = a1.next("screenPop");
        assertThat(Instant.parse(pop.getString("bridgedAt"))).isNotNull();
        assertThat(pop.getJsonObject("case").getString("language")).isEqualTo("cs");
        assertThat(pop.getJsonObject("case").getJsonArray("flags").getList()).containsExactly("VIP");
        assertThat(pop.getJsonArray("talkingPoints").encode()).contains("VIP", "Jana Nováková", "recorded");
    }

    private static void assertError(TestAgentSocket socket, String field, String reasonPart) throws InterruptedException {
        JsonObject message = socket.next("error");
        assertThat(message.getString("field")).as(message.encode()).isEqualTo(field);
        assertThat(message.getString("reason")).as(message.encode()).contains(reasonPart);
    }
}
