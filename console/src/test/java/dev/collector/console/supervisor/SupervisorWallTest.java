package dev.collector.console.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.console.ConsoleFixture;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupervisorWallTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private ConsoleFixture fixture;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        fixture = ConsoleFixture.start(vertx, Clock.systemUTC(), "a1", "a2");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
        vertx.close().await();
    }

    @Test
    void theFloorShowsEveryAgentInTheirCurrentState() throws Exception {
        fixture.roster.logIn("a1");
        fixture.roster.ready("a1");

        JsonObject floor = new JsonObject(get("/supervisor/floor").body());

        assertThat(floor.getJsonArray("agents").stream().map(JsonObject.class::cast)
                .map(a -> a.getString("agentId") + "=" + a.getString("state")).toList())
                .containsExactly("a1=READY", "a2=LOGGED_OUT");
    }

    @Test
    void theWallPageIsServed() throws Exception {
        HttpResponse<String> page = get("/supervisor");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"abandon-rate\"").contains("/supervisor/floor");
    }

    @Test
    void abandonRateIsAbandonsOverDebtorsReached() {
        FloorSnapshot snapshot = new FloorSnapshot(Instant.now(), "c", "progressive 1:1", 100, 0, 0,
                Map.of("SCHEDULED", 12L), Map.of("ANSWERED", 97L, "ABANDONED", 3L, "NO_ANSWER", 100L), List.of());

        assertThat(snapshot.abandonRate()).isEqualTo(0.03);
        assertThat(snapshot.answerRate()).isEqualTo(0.5);
        assertThat(SupervisorWall.toJson(snapshot).getDouble("abandonRate")).isEqualTo(0.03);
        assertThat(SupervisorWall.toJson(snapshot).getJsonObject("casesByStatus").getLong("SCHEDULED")).isEqualTo(12L);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
