package dev.collector.console.simulatedagent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.console.ConsoleFixture;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.routing.roster.AgentState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedAgentTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static SimulatedAgentSettings settings(ConsoleFixture fixture, String agentId, long seed) {
        return SimulatedAgentSettings.of("127.0.0.1", fixture.port(), agentId, seed)
                .withThinkTime(Duration.ofSeconds(2))
                .withWrapUpDelay(Duration.ofMillis(20))
                .withClock(CLOCK);
    }

    @Test
    void aSimulatedAgentTakesAScreenPopAndRecordsAPromiseThroughTheConsole() throws Exception {
        try (ConsoleFixture fixture = ConsoleFixture.start(vertx, CLOCK, "bot-1")) {
            SimulatedAgent bot = new SimulatedAgent(vertx,
                    settings(fixture, "bot-1", 42).withMix(new DispositionMix(100, 0, 0, 0)));
            bot.start().await(10, TimeUnit.SECONDS);
            assertThat(fixture.stateOf("bot-1")).isEqualTo(AgentState.READY);

            ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-1"), List.of());
            fixture.awaitState("bot-1", AgentState.ON_CALL);
            fixture.hangUp(call);

            Outcome outcome = fixture.awaitOutcome(call.attemptId()).orElseThrow();
            assertThat(outcome.agentId()).isEqualTo("bot-1");
            Disposition.PromiseToPay promise = (Disposition.PromiseToPay) outcome.disposition();
            assertThat(promise.amount()).isBetween(new BigDecimal("120.00"), new BigDecimal("1200.00"));
            assertThat(promise.amount().scale()).isEqualTo(2);
            assertThat(promise.promisedFor()).isBetween(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-12-07"));
            fixture.awaitState("bot-1", AgentState.READY);
            awaitAccepted(bot, 1);
            assertThat(bot.counts()).isEqualTo(new SimulatedAgentCounts(1, 1, 1, 0, Map.of("PROMISE_TO_PAY", 1L)));

            bot.stop().await(10, TimeUnit.SECONDS);
            fixture.awaitState("bot-1", AgentState.LOGGED_OUT);
        }
    }

    @Test
    void aSimulatedAgentAsksForACallbackOneToThreeHoursLaterInTheDebtorsTime() throws Exception {
        try (ConsoleFixture fixture = ConsoleFixture.start(vertx, CLOCK, "bot-1")) {
            SimulatedAgent bot = new SimulatedAgent(vertx,
                    settings(fixture, "bot-1", 7).withMix(new DispositionMix(0, 0, 0, 0, 100, 0)));
            bot.start().await(10, TimeUnit.SECONDS);

            ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-1"), List.of());
            fixture.awaitState("bot-1", AgentState.ON_CALL);
            fixture.hangUp(call);

            Outcome outcome = fixture.awaitOutcome(call.attemptId()).orElseThrow();
            // sent as Prague wall-clock time, read back in Prague: the instant is the one the bot meant
            Instant at = ((Disposition.CallbackRequested) outcome.disposition()).at();
            assertThat(at).isBetween(CLOCK.instant().plus(Duration.ofHours(1)),
                    CLOCK.instant().plus(Duration.ofHours(3)));
            assertThat(at.getEpochSecond() % 60).isZero();
            awaitAccepted(bot, 1);
            assertThat(bot.counts()).isEqualTo(new SimulatedAgentCounts(1, 1, 1, 0, Map.of("CALLBACK_REQUESTED", 1L)));
            bot.stop().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSimulatedAgentRecordsADispute() throws Exception {
        try (ConsoleFixture fixture = ConsoleFixture.start(vertx, CLOCK, "bot-1")) {
            SimulatedAgent bot = new SimulatedAgent(vertx,
                    settings(fixture, "bot-1", 7).withMix(new DispositionMix(0, 0, 0, 0, 0, 100)));
            bot.start().await(10, TimeUnit.SECONDS);

            ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-1"), List.of());
            fixture.awaitState("bot-1", AgentState.ON_CALL);
            fixture.hangUp(call);

            assertThat(fixture.awaitOutcome(call.attemptId()).orElseThrow().disposition())
                    .isEqualTo(new Disposition.Disputed());
            awaitAccepted(bot, 1);
            assertThat(bot.counts().acceptedByCode()).isEqualTo(Map.of("DISPUTED", 1L));
            bot.stop().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theTypicalMixHasSmallSharesOfCallbacksAndDisputesAndTheSameSeedDrawsTheSame() {
        DispositionMix typical = DispositionMix.typical();
        Map<String, Integer> drawn = new TreeMap<>();
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            drawn.merge(typical.pick(random), 1, Integer::sum);
        }

        assertThat(drawn.get("CALLBACK_REQUESTED")).isBetween(400, 600);
        assertThat(drawn.get("DISPUTED")).isBetween(200, 400);
        assertThat(drawn.get("PROMISE_TO_PAY")).isBetween(4000, 4400);
        Random first = new Random(3);
        Random second = new Random(3);
        for (int i = 0; i < 100; i++) {
            assertThat(typical.pick(first)).isEqualTo(typical.pick(second));
        }
    }

    @Test
    void severalSimulatedAgentsWorkThroughCallsWithTheSeededMix() throws Exception {
        try (ConsoleFixture fixture = ConsoleFixture.start(vertx, CLOCK, "bot-1", "bot-2", "bot-3")) {
            List<SimulatedAgent> bots = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                SimulatedAgent bot = new SimulatedAgent(vertx, settings(fixture, "bot-" + i, i));
                bot.start().await(10, TimeUnit.SECONDS);
                bots.add(bot);
            }

            // the dialer's part: each call goes to the longest idle agent, hangs up, and the bot
            // dispositions it; a call is dialed only when an agent is ready again
            List<ConsoleFixture.Call> calls = new ArrayList<>();
            for (int i = 1; i <= 9; i++) {
                awaitSomeoneReady(fixture);
                ConsoleFixture.Call call = fixture.dial(fixture.admitCase("case-" + i), List.of());
                fixture.hangUp(call);
                calls.add(call);
            }

            for (ConsoleFixture.Call call : calls) {
                assertThat(fixture.awaitOutcome(call.attemptId())).as(call.attemptId()).isPresent();
            }
            long accepted = 0;
            for (SimulatedAgent bot : bots) {
                awaitAccepted(bot, bot.counts().callsTaken());
                SimulatedAgentCounts counts = bot.counts();
                assertThat(counts.dispositionsRejected()).isZero();
                assertThat(counts.dispositionsSent()).isEqualTo(counts.callsTaken());
                accepted += counts.dispositionsAccepted();
            }
            assertThat(accepted).isEqualTo(9);
            assertThat(fixture.crmFeed.outcomes).hasSize(9);
            for (SimulatedAgent bot : bots) {
                bot.stop().await(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aSimulatedAgentTheConsoleDoesNotKnowFailsToStartWithTheConsolesReason() throws Exception {
        try (ConsoleFixture fixture = ConsoleFixture.start(vertx, CLOCK, "bot-1")) {
            SimulatedAgent stranger = new SimulatedAgent(vertx, settings(fixture, "bot-9", 1));

            Throwable failure = stranger.start().transform(Future::succeededFuture).await(10, TimeUnit.SECONDS).cause();

            assertThat(failure).hasMessageContaining("agentId").hasMessageContaining("unknown agent bot-9");
            stranger.stop().await(10, TimeUnit.SECONDS);
            assertThat(fixture.console.agentDesktop().connectedAgents()).isZero();
        }
    }

    private static void awaitSomeoneReady(ConsoleFixture fixture) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fixture.roster.count(AgentState.READY) == 0) {
            assertThat(System.nanoTime()).as("an agent gets ready within 5 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** The console may answer after the roster has freed the agent: the count catches up. */
    private static void awaitAccepted(SimulatedAgent bot, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (bot.counts().dispositionsAccepted() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(bot.counts().dispositionsAccepted()).isEqualTo(expected);
    }
}
