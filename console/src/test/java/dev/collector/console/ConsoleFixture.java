package dev.collector.console;

import dev.collector.console.agentdesktop.AgentLogins;
import dev.collector.domain.agent.Agent;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.domain.outcome.Outcome;
import dev.collector.routing.desktop.ScreenPop;
import dev.collector.routing.disposition.RecordingDisposition;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.AgentState;
import dev.collector.routing.roster.Assignment;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real console on a free localhost port over a real roster and RecordingDisposition, with the
 * storage ports in memory. {@link #dial} plays the dialer's part: reserve the longest idle agent,
 * connect, pop the screen.
 */
public final class ConsoleFixture implements AutoCloseable {

    public final Clock clock;
    public final AgentRoster roster;
    public final InMemoryCallList callList = new InMemoryCallList();
    public final InMemoryContactHistory history = new InMemoryContactHistory();
    public final InMemoryCrmFeed crmFeed = new InMemoryCrmFeed();
    public final InMemoryHolds holds = new InMemoryHolds();
    public final RecordingDisposition recording;
    public final ConsoleServer console;
    private final AtomicInteger attempts = new AtomicInteger();

    /** Where the fixture's preview offers' answers arrive: attempt ids by agent, in order. */
    public final java.util.List<String> previewChoices = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ConsoleFixture(Vertx vertx, Clock clock, AgentLogins logins, String... agentIds) throws Exception {
        this.clock = clock;
        this.roster = new AgentRoster(clock, Arrays.stream(agentIds)
                .map(id -> new Agent(id, "Agent " + id, "Local/" + id + "@agents")).toList());
        this.recording = new RecordingDisposition(roster, callList, history, crmFeed, holds, clock);
        ConsoleServer server = new ConsoleServer(ConsoleOptions.localEphemeral(), roster, recording, clock,
                () -> java.util.concurrent.CompletableFuture.completedFuture(new dev.collector.console.supervisor.FloorSnapshot(
                        clock.instant(), "", "none", 0, 0, 0, java.util.Map.of(), java.util.Map.of(),
                        dev.collector.console.supervisor.AgentsOnFloor.of(roster))), logins);
        this.console = ConsoleServer.deploy(vertx, server).await(10, TimeUnit.SECONDS);
    }

    public static ConsoleFixture start(Vertx vertx, Clock clock, String... agentIds) throws Exception {
        return new ConsoleFixture(vertx, clock, AgentLogins.open(), agentIds);
    }

    public static ConsoleFixture start(Vertx vertx, Clock clock, AgentLogins logins, String... agentIds)
            throws Exception {
        return new ConsoleFixture(vertx, clock, logins, agentIds);
    }

    /**
     * Plays a preview dialer: reserves the longest idle agent and shows him the case; his choices
     * are noted in {@link #previewChoices} ("dial:att-1", "skip:att-1").
     */
    public Call preview(Case aCase, java.time.Duration timeLimit) {
        String attemptId = "att-" + attempts.incrementAndGet();
        String agentId = roster.reserveLongestIdle(new Assignment(attemptId, aCase.caseId()))
                .orElseThrow(() -> new AssertionError("no agent is ready"))
                .agentId();
        console.agentDesktop().answerPreviewsWith(new dev.collector.routing.desktop.PreviewChoices() {
            @Override
            public boolean dial(String agent, String attempt) {
                return choose("dial", agent, attempt);
            }

            @Override
            public boolean skip(String agent, String attempt) {
                return choose("skip", agent, attempt);
            }

            private boolean choose(String what, String agent, String attempt) {
                boolean standing = roster.status(agent).flatMap(s -> s.attemptId()).filter(attempt::equals).isPresent()
                        && previewChoices.stream().noneMatch(c -> c.endsWith(":" + attempt));
                if (standing) {
                    previewChoices.add(what + ":" + attempt);
                }
                return standing;
            }
        });
        console.agentDesktop().preview(new dev.collector.routing.desktop.PreviewOffer(agentId, attemptId,
                aCase.primaryPhone(), aCase, List.of(), clock.instant().plus(timeLimit)));
        return new Call(agentId, attemptId, aCase);
    }

    public int port() {
        return console.port();
    }

    /** Jana Nováková owes two claims in CZK, 1 200.00 in all; the older is 84 days past due on 2026-11-23. */
    public Case admitCase(String caseId) {
        Case aCase = new Case(caseId, "early-stage", new Debtor("d-" + caseId, "Jana Nováková"),
                // the first claim itemized by the CRM, the second not
                List.of(new Claim("cl-1", new BigDecimal("800.00"), "CZK", LocalDate.parse("2026-08-31"),
                                new dev.collector.domain.casework.ClaimSplit(new BigDecimal("700.00"),
                                        new BigDecimal("62.50"), new BigDecimal("37.50"))),
                        new Claim("cl-2", new BigDecimal("400.00"), "CZK", LocalDate.parse("2026-10-24"))),
                List.of("+420601123456"), ZoneId.of("Europe/Prague"), 7, Instant.parse("2026-11-20T08:00:00Z"));
        callList.admit(aCase);
        return aCase;
    }

    /** A call the fixture's dialer put through to an agent. */
    public record Call(String agentId, String attemptId, Case aCase) {
    }

    public Call dial(Case aCase, List<Outcome> previousOutcomes) {
        String attemptId = "att-" + attempts.incrementAndGet();
        String agentId = roster.reserveLongestIdle(new Assignment(attemptId, aCase.caseId()))
                .orElseThrow(() -> new AssertionError("no agent is ready"))
                .agentId();
        roster.connect(agentId);
        console.agentDesktop().screenPop(new ScreenPop(agentId, attemptId, aCase.primaryPhone(), aCase, previousOutcomes));
        return new Call(agentId, attemptId, aCase);
    }

    public void hangUp(Call call) {
        roster.callEnded(call.agentId());
        console.agentDesktop().callEnded(call.agentId(), call.attemptId());
    }

    public AgentState stateOf(String agentId) {
        return roster.status(agentId).orElseThrow().state();
    }

    /** Waits until the agent is in the state; the console and the bots work on their own threads. */
    public void awaitState(String agentId, AgentState state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (stateOf(agentId) != state) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("agent " + agentId + " is " + stateOf(agentId) + ", expected " + state);
            }
            Thread.sleep(10);
        }
    }

    public Optional<Outcome> awaitOutcome(String attemptId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (history.outcome(attemptId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return history.outcome(attemptId);
    }

    @Override
    public void close() throws Exception {
        console.close().await(10, TimeUnit.SECONDS);
    }
}
