package dev.collector.console.agentdesktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.console.ConsoleFixture;
import dev.collector.console.TestAgentSocket;
import dev.collector.domain.casework.Case;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.routing.roster.AgentState;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentSocketTest {

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
        fixture = ConsoleFixture.start(vertx, CLOCK, "a1", "a2");
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

    private TestAgentSocket readyAgent(String agentId) throws Exception {
        TestAgentSocket socket = open().login(agentId);
        socket.nextStatus("PAUSED");
        socket.type("ready").nextStatus("READY");
        return socket;
    }

    private static JsonObject disposition(String attemptId, String code) {
        return new JsonObject().put("type", "disposition").put("attemptId", attemptId).put("code", code)
                .put("notes", "");
    }

    private static JsonObject promise(String attemptId, String amount, String promisedFor) {
        return disposition(attemptId, "PROMISE_TO_PAY").put("amount", amount).put("promisedFor", promisedFor)
                .put("channel", "BANK_TRANSFER");
    }

    private static JsonObject callback(String attemptId, String debtorsTime) {
        return disposition(attemptId, "CALLBACK_REQUESTED").put("callbackAt", debtorsTime);
    }

    @Test
    void loggingInShowsTheAgentPausedAndReadyMakesThemReady() throws Exception {
        TestAgentSocket socket = open().login("a1");

        JsonObject paused = socket.next();
        assertThat(paused.getString("type")).isEqualTo("status");
        assertThat(paused.getString("state")).isEqualTo("PAUSED");
        assertThat(paused.getString("since")).isEqualTo("2026-11-23T09:00:00Z");

        JsonObject ready = socket.type("ready").next();
        assertThat(ready.getString("state")).isEqualTo("READY");
        assertThat(fixture.stateOf("a1")).isEqualTo(AgentState.READY);

        assertThat(socket.type("pause").next().getString("state")).isEqualTo("PAUSED");
        assertThat(socket.type("logout").next().getString("state")).isEqualTo("LOGGED_OUT");
    }

    @Test
    void theScreenPopCarriesTheScriptOfTheCasesStrategy() throws Exception {
        fixture.console.agentDesktop().useScripts(dev.collector.routing.desktop.ScriptBook.of(java.util.Map.of(
                "early-stage", List.of("Offer the early-payment discount."), "default", List.of("Greet."))));
        try {
            TestAgentSocket anna = readyAgent("a1");
            ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-script"), List.of());

            JsonObject pop = anna.next("screenPop");

            assertThat(pop.getJsonArray("script").getList()).containsExactly("Offer the early-payment discount.");
            fixture.recording.record("a1", call.attemptId(), new Disposition.NoContact(), "").toCompletableFuture()
                    .get(5, java.util.concurrent.TimeUnit.SECONDS);
            fixture.hangUp(call);
            fixture.awaitState("a1", AgentState.READY);
        } finally {
            fixture.console.agentDesktop().useScripts(dev.collector.routing.desktop.ScriptBook.none());
        }
    }

    @Test
    void aScreenPopReachesOnlyTheAgentItIsFor() throws Exception {
        TestAgentSocket anna = readyAgent("a1");
        TestAgentSocket boris = open().login("a2");
        boris.nextStatus("PAUSED");
        Case aCase = fixture.admitCase("case-1");
        Outcome earlier = new Outcome("att-0", "case-1", "early-stage", "d-case-1", "a2",
                new Disposition.PromiseToPay(new BigDecimal("300.00"), LocalDate.parse("2026-11-15")),
                "said she would pay after payday", Instant.parse("2026-11-10T10:00:00Z"));

        ConsoleFixture.Call call = fixture.dial(aCase, List.of(earlier));

        assertThat(call.agentId()).isEqualTo("a1");
        JsonObject pop = anna.next("screenPop");
        assertThat(pop.getString("attemptId")).isEqualTo(call.attemptId());
        assertThat(pop.getString("phoneNumber")).isEqualTo("+420601123456");
        JsonObject shown = pop.getJsonObject("case");
        assertThat(shown.getString("caseId")).isEqualTo("case-1");
        assertThat(shown.getJsonObject("debtor").getString("name")).isEqualTo("Jana Nováková");
        assertThat(shown.getString("totalDue")).isEqualTo("1200.00");
        assertThat(shown.getString("currency")).isEqualTo("CZK");
        assertThat(shown.getString("timeZone")).isEqualTo("Europe/Prague");
        assertThat(shown.getInteger("priority")).isEqualTo(7);
        JsonArray claims = shown.getJsonArray("claims");
        assertThat(claims.getJsonObject(0).getString("amountDue")).isEqualTo("800.00");
        assertThat(claims.getJsonObject(0).getLong("daysPastDue")).isEqualTo(84);
        assertThat(claims.getJsonObject(1).getLong("daysPastDue")).isEqualTo(30);
        assertThat(claims.getJsonObject(0).getString("principal")).isEqualTo("700.00");
        assertThat(claims.getJsonObject(0).getString("interest")).isEqualTo("62.50");
        assertThat(claims.getJsonObject(0).getString("fees")).isEqualTo("37.50");
        assertThat(claims.getJsonObject(1).containsKey("principal")).isFalse(); // not itemized: nothing made up
        JsonObject promise = pop.getJsonArray("promises").getJsonObject(0);
        assertThat(promise.getString("amount")).isEqualTo("300.00");
        assertThat(promise.getBoolean("fallenDue")).isTrue();
        assertThat(promise.getString("channel")).isEqualTo("NOT_STATED");
        assertThat(pop.getJsonArray("paymentChannels").getList())
                .containsExactly("BANK_TRANSFER", "CARD", "DIRECT_DEBIT", "CASH");
        JsonObject previous = pop.getJsonArray("previousOutcomes").getJsonObject(0);
        assertThat(previous.getString("code")).isEqualTo("PROMISE_TO_PAY");
        assertThat(previous.getString("amount")).isEqualTo("300.00");
        assertThat(previous.getString("promisedFor")).isEqualTo("2026-11-15");

        // Boris's socket answers in order: had the pop reached him, it would come before this error.
        List<JsonObject> beforeBarrier = new ArrayList<>();
        boris.sendText("barrier").next("error", beforeBarrier);
        assertThat(beforeBarrier).noneMatch(m -> "screenPop".equals(m.getString("type")));
    }

    @Test
    void aValidDispositionIsAcceptedStoredAndFreesTheAgent() throws Exception {
        TestAgentSocket anna = readyAgent("a1");
        ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-1"), List.of());
        anna.next("screenPop");
        fixture.hangUp(call);
        anna.nextStatus("WRAP_UP"); // the roster hears of the hang-up before the desktop
        assertThat(anna.next().getString("type")).isEqualTo("callEnded");
        assertError(anna.type("ready"), "state"); // the disposition is owed first

        anna.send(promise(call.attemptId(), "450.50", "2026-12-01").put("notes", "pays on the 1st"));

        assertThat(anna.next("dispositionAccepted").getString("attemptId")).isEqualTo(call.attemptId());
        Outcome outcome = fixture.history.outcome(call.attemptId()).orElseThrow();
        assertThat(outcome.disposition())
                .isEqualTo(new Disposition.PromiseToPay(new BigDecimal("450.50"), LocalDate.parse("2026-12-01"),
                        dev.collector.domain.outcome.PaymentChannel.BANK_TRANSFER));
        assertThat(outcome.agentId()).isEqualTo("a1");
        assertThat(outcome.notes()).isEqualTo("pays on the 1st");
        assertThat(fixture.crmFeed.outcomes).containsExactly(outcome);
        fixture.awaitState("a1", AgentState.READY);
    }

    @Test
    void aPromiseAboveTheTotalDueIsRejectedNamingTheAmountAndCanBeCorrected() throws Exception {
        TestAgentSocket anna = readyAgent("a1");
        ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-1"), List.of());
        anna.next("screenPop");

        anna.send(promise(call.attemptId(), "1500.00", "2026-12-01"));
        JsonObject error = anna.next("error");
        assertThat(error.getString("field")).isEqualTo("amount");
        assertThat(error.getString("reason")).contains("1200.00");
        assertThat(error.getString("attemptId")).isEqualTo(call.attemptId());
        assertThat(fixture.history.outcome(call.attemptId())).isEmpty();

        anna.send(promise(call.attemptId(), "1200", "2026-12-01"));
        assertThat(anna.next("dispositionAccepted").getString("attemptId")).isEqualTo(call.attemptId());
    }

    @Test
    void aCallbackTimeIsTheDebtorsWallClockTimeReadInTheCasesTimeZone() throws Exception {
        TestAgentSocket anna = readyAgent("a1");
        ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-1"), List.of());
        anna.next("screenPop");

        // 14:30 in Prague (UTC+1 in November), whatever zone the server or the agent is in
        anna.send(callback(call.attemptId(), "2026-11-23T14:30").put("notes", "after her shift"));

        assertThat(anna.next("dispositionAccepted").getString("attemptId")).isEqualTo(call.attemptId());
        Outcome outcome = fixture.history.outcome(call.attemptId()).orElseThrow();
        assertThat(outcome.disposition())
                .isEqualTo(new Disposition.CallbackRequested(Instant.parse("2026-11-23T13:30:00Z")));
        assertThat(fixture.crmFeed.outcomes).containsExactly(outcome);
    }

    @Test
    void aCallbackTimeAlreadyPastForTheDebtorIsRejectedNamingTheFieldAndCanBeCorrected() throws Exception {
        TestAgentSocket anna = readyAgent("a1");
        ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-1"), List.of());
        anna.next("screenPop");

        // 09:30 in Prague is 08:30 UTC: half an hour before the console's now
        anna.send(callback(call.attemptId(), "2026-11-23T09:30"));
        JsonObject past = anna.next("error");
        assertThat(past.getString("field")).isEqualTo("callbackAt");
        assertThat(past.getString("attemptId")).isEqualTo(call.attemptId());
        anna.send(callback(call.attemptId(), "2027-01-05T10:00"));
        JsonObject tooLate = anna.next("error");
        assertThat(tooLate.getString("field")).isEqualTo("callbackAt");
        assertThat(tooLate.getString("reason")).contains("30 days");
        assertThat(fixture.history.outcome(call.attemptId())).isEmpty();

        anna.send(callback(call.attemptId(), "2026-11-23T10:30"));
        assertThat(anna.next("dispositionAccepted").getString("attemptId")).isEqualTo(call.attemptId());
        assertThat(fixture.history.outcome(call.attemptId()).orElseThrow().disposition())
                .isEqualTo(new Disposition.CallbackRequested(Instant.parse("2026-11-23T09:30:00Z")));
    }

    @Test
    void aDisputeIsAcceptedAndStored() throws Exception {
        TestAgentSocket anna = readyAgent("a1");
        ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-1"), List.of());
        anna.next("screenPop");
        fixture.hangUp(call);

        anna.send(disposition(call.attemptId(), "DISPUTED").put("notes", "says the loan was repaid"));

        assertThat(anna.next("dispositionAccepted").getString("attemptId")).isEqualTo(call.attemptId());
        Outcome outcome = fixture.history.outcome(call.attemptId()).orElseThrow();
        assertThat(outcome.disposition()).isEqualTo(new Disposition.Disputed());
        assertThat(outcome.notes()).isEqualTo("says the loan was repaid");
        assertThat(fixture.crmFeed.outcomes).containsExactly(outcome);
        fixture.awaitState("a1", AgentState.READY);
    }

    @Test
    void theScreenPopShowsEarlierCallbacksWithTheirTimeAndEarlierDisputes() throws Exception {
        TestAgentSocket anna = readyAgent("a1");
        Case aCase = fixture.admitCase("case-1");
        List<Outcome> earlier = List.of(
                new Outcome("att-0", "case-1", "early-stage", "d-case-1", "a2",
                        new Disposition.CallbackRequested(Instant.parse("2026-11-20T15:30:00Z")), "call after four",
                        Instant.parse("2026-11-20T10:00:00Z")),
                new Outcome("att-00", "case-1", "early-stage", "d-case-1", "a2", new Disposition.Disputed(),
                        "", Instant.parse("2026-11-20T15:35:00Z")));

        fixture.dial(aCase, earlier);

        JsonArray previous = anna.next("screenPop").getJsonArray("previousOutcomes");
        assertThat(previous.getJsonObject(0).getString("code")).isEqualTo("CALLBACK_REQUESTED");
        assertThat(previous.getJsonObject(0).getString("callbackAt")).isEqualTo("2026-11-20T15:30:00Z");
        assertThat(previous.getJsonObject(1).getString("code")).isEqualTo("DISPUTED");
        assertThat(previous.getJsonObject(1).containsKey("callbackAt")).isFalse();
        assertThat(previous.getJsonObject(1).containsKey("amount")).isFalse();
    }

    @Test
    void malformedMessagesAreAnsweredWithAnErrorNamingTheFieldAndTheSocketStaysUsable() throws Exception {
        TestAgentSocket socket = open();

        assertError(socket.sendText("{not json"), "message");
        assertError(socket.sendText("[1, 2]"), "message");
        assertError(socket.send(new JsonObject().put("kind", "login")), "type");
        assertError(socket.type("dance"), "type");
        assertError(socket.send(disposition("att-1", "REFUSED")), "agentId");
        assertError(socket.type("ready"), "agentId");
        assertError(socket.login("nobody"), "agentId");
        assertError(socket.send(new JsonObject().put("type", "login").put("agentId", 17)), "agentId");

        socket.login("a1");
        assertThat(socket.next().getString("state")).isEqualTo("PAUSED");
        assertError(socket.login("a2"), "agentId");
        assertError(socket.send(disposition("att-1", "PAID_IN_GOLD")), "code");
        assertError(socket.send(promise("att-1", "12,50", "2026-12-01")), "amount");
        assertError(socket.send(promise("att-1", "12.505", "2026-12-01")), "amount");
        assertError(socket.send(promise("att-1", "0", "2026-12-01")), "amount");
        assertError(socket.send(promise("att-1", "", "2026-12-01")), "amount");
        assertError(socket.send(promise("att-1", "12.50", "1 December")), "promisedFor");
        assertError(socket.send(promise("att-1", "12.50", "2026-12-01").put("channel", "CHEQUE")), "channel");
        assertError(socket.send(promise("att-1", "12.50", "2026-12-01").put("channel", "NOT_STATED")), "channel");
        assertError(socket.send(promise("att-1", "12.50", "2026-12-01").put("channel", "")), "channel");
        assertError(socket.send(disposition("att-1", "PAYMENT_TAKEN").put("channel", "CARD")), "amount");
        assertError(socket.send(disposition("att-1", "PAYMENT_TAKEN").put("amount", "10.00")), "channel");
        assertError(socket.send(disposition("att-1", "CALLBACK_REQUESTED")), "callbackAt");
        assertError(socket.send(callback("att-1", "tomorrow at 3")), "callbackAt");
        assertError(socket.send(callback("att-1", "2026-11-23 14:30")), "callbackAt");
        assertError(socket.send(callback("att-1", "2026-11-23T14:30")), "attemptId"); // no call on screen: whose 14:30?
        assertError(socket.send(disposition("", "REFUSED")), "attemptId");
        assertError(socket.send(disposition("att-1", "REFUSED")), "attemptId"); // not the agent's call
        socket.type("ready").type("ready").type("logout");
        assertThat(socket.next().getString("state")).isEqualTo("READY");
        assertThat(socket.next().getString("state")).isEqualTo("LOGGED_OUT"); // ready twice changed nothing, said nothing
        assertError(socket.type("pause"), "agentId");

        assertThat(socket.isClosed()).isFalse();
        assertThat(socket.login("a2").next().getString("state")).isEqualTo("PAUSED");
    }

    /** Reads the next message and checks it is an error about the field. */
    private static void assertError(TestAgentSocket socket, String field) throws InterruptedException {
        JsonObject message = socket.next();
        assertThat(message.getString("type")).as(message.encode()).isEqualTo("error");
        assertThat(message.getString("field")).as(message.encode()).isEqualTo(field);
        assertThat(message.getString("reason")).isNotBlank();
    }

    @Test
    void aReconnectingBrowserIsShownTheCallInProgressAgain() throws Exception {
        TestAgentSocket first = readyAgent("a1");
        ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-1"), List.of());
        first.next("screenPop");
        fixture.hangUp(call);
        first.next("callEnded");
        first.close();

        TestAgentSocket second = open().login("a1");

        assertThat(second.next().getString("state")).isEqualTo("WRAP_UP");
        JsonObject again = second.next();
        assertThat(again.getString("type")).isEqualTo("screenPop");
        assertThat(again.getString("attemptId")).isEqualTo(call.attemptId());
        assertThat(again.getJsonObject("case").getJsonObject("debtor").getString("name")).isEqualTo("Jana Nováková");
        assertThat(second.next().getString("type")).isEqualTo("callEnded");

        second.send(disposition(call.attemptId(), "REFUSED"));
        assertThat(second.next("dispositionAccepted").getString("attemptId")).isEqualTo(call.attemptId());
        assertThat(fixture.awaitOutcome(call.attemptId())).isPresent();

        // accepted: a later reconnect has nothing to re-pop
        second.close();
        fixture.awaitState("a1", AgentState.PAUSED); // ready with no browser: paused
        TestAgentSocket third = open().login("a1");
        assertThat(third.next().getString("state")).isEqualTo("PAUSED");
        assertError(third.sendText("barrier"), "message");
    }

    @Test
    void aNewerWindowTakesOverTheAgentAndTheOlderOneIsToldSo() throws Exception {
        TestAgentSocket older = readyAgent("a1");
        TestAgentSocket newer = open().login("a1");
        assertThat(newer.next().getString("state")).isEqualTo("READY");

        JsonObject signedOut = older.next();
        assertThat(signedOut.getString("type")).isEqualTo("error");
        assertThat(signedOut.getString("field")).isEqualTo("agentId");

        ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-1"), List.of());
        assertThat(newer.next("screenPop").getString("attemptId")).isEqualTo(call.attemptId());
        List<JsonObject> olderSaw = new ArrayList<>();
        older.sendText("barrier").next("error", olderSaw);
        assertThat(olderSaw).isEmpty();
        assertError(older.send(disposition(call.attemptId(), "REFUSED")), "agentId");
    }

    @Test
    void aReadyAgentWhoseBrowserDisconnectsIsPausedSoTheDialerGivesThemNoCall() throws Exception {
        TestAgentSocket anna = readyAgent("a1");

        anna.close();

        fixture.awaitState("a1", AgentState.PAUSED);
    }

    @Test
    void statusChangesMadeOnOtherThreadsReachTheAgent() throws Exception {
        TestAgentSocket anna = readyAgent("a1");

        Thread supervisor = new Thread(() -> fixture.roster.pause("a1"));
        supervisor.start();
        supervisor.join();

        assertThat(anna.next().getString("state")).isEqualTo("PAUSED");
    }

    @Test
    void theConsoleServesItsHealthAndTheAgentPageFromTheJar() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + fixture.port();

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(new JsonObject(health.body()).getString("status")).isEqualTo("UP");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/agent")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        assertThat(page.body()).contains("id=\"disposition-code\"", "/agent/agent.js",
                "value=\"CALLBACK_REQUESTED\"", "value=\"DISPUTED\"", "id=\"callback-at\"");

        HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create(base + "/agent/agent.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("/agent/socket");
    }
}
