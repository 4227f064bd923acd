package dev.collector.dialer.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.dialer.ami.AmiConnection;
import dev.collector.dialer.ami.AmiSettings;
import dev.collector.dialer.ami.OriginateRequest;
import dev.collector.domain.agent.Agent;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.pbx.PbxSimulator;
import dev.collector.pbx.SimulatorSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our AMI adapter and call state machine against the PBX simulator over TCP, through
 * Asterisk-Java: each way a call can end arrives as the right result and Q.850 cause.
 */
class AmiCallFollowingTest {

    static PbxSimulator pbx;
    static AmiConnection ami;
    static final Map<String, LiveCall> calls = new ConcurrentHashMap<>();
    static final Map<String, CompletableFuture<LiveCall>> ended = new ConcurrentHashMap<>();
    static final Map<String, CompletableFuture<Void>> connected = new ConcurrentHashMap<>();

    @BeforeAll
    static void connect() throws Exception {
        pbx = PbxSimulator.start(SimulatorSettings.defaults().withTimeScale(0.02));
        SimulatorSettings defaults = SimulatorSettings.defaults();
        ami = new AmiConnection(new AmiSettings("127.0.0.1", pbx.port(), defaults.username(), defaults.secret()));
        // Signals come on Asterisk-Java's single event thread, in wire order.
        ami.onSignal(signal -> {
            LiveCall call = calls.get(signal.attemptId());
            if (call == null) {
                return;
            }
            switch (call.apply(signal, Instant.now())) {
                case CONNECTED_TO_AGENT -> connected.get(signal.attemptId()).complete(null);
                case ENDED -> ended.get(signal.attemptId()).complete(call);
                case NOTHING -> { }
            }
        });
        ami.connect();
    }

    @AfterAll
    static void disconnect() {
        ami.close();
        pbx.close();
    }

    @Test
    void anAnsweredDebtorIsBridgedToTheAgentAndEndsWithNormalClearing() throws Exception {
        String id = dial(Map.of("FORCE", "answer", "TALK", "20"));
        connected.get(id).get(10, TimeUnit.SECONDS);
        CallAttempt attempt = ended.get(id).get(10, TimeUnit.SECONDS).toAttempt();

        assertThat(attempt.result()).isEqualTo(CallResult.ANSWERED);
        assertThat(attempt.hangupCause()).isEqualTo(16);
        assertThat(attempt.agentId()).contains("a1");
        assertThat(attempt.answeredAt()).isPresent();
    }

    @Test
    void aBusyLineEndsAsBusyWithCause17() throws Exception {
        CallAttempt attempt = endOf(dial(Map.of("FORCE", "busy")));
        assertThat(attempt.result()).isEqualTo(CallResult.BUSY);
        assertThat(attempt.hangupCause()).isEqualTo(17);
        assertThat(attempt.answeredAt()).isEmpty();
    }

    @Test
    void congestionEndsAsCongestionWithCause34() throws Exception {
        CallAttempt attempt = endOf(dial(Map.of("FORCE", "congestion")));
        assertThat(attempt.result()).isEqualTo(CallResult.CONGESTION);
        assertThat(attempt.hangupCause()).isEqualTo(34);
    }

    @Test
    void aPhoneNobodyPicksUpEndsAsNoAnswerWithCause19() throws Exception {
        CallAttempt attempt = endOf(dial(Map.of("FORCE", "noanswer")));
        assertThat(attempt.result()).isEqualTo(CallResult.NO_ANSWER);
        assertThat(attempt.hangupCause()).isEqualTo(19);
    }

    @Test
    void aChannelThePbxCannotCreateEndsAsFailed() throws Exception {
        String id = UUID.randomUUID().toString();
        track(id);
        ami.originate(new OriginateRequest(id, "Bogus/nothing", "collector-connect", "agent", 1,
                Duration.ofSeconds(25), "Collector <100>", Map.of()));
        assertThat(endOf(id).result()).isEqualTo(CallResult.FAILED);
    }

    @Test
    void hangingUpAnAnsweredCallFromOurSideEndsIt() throws Exception {
        String id = dial(Map.of("FORCE", "answer", "TALK", "600"));
        connected.get(id).get(10, TimeUnit.SECONDS);
        ami.hangup(calls.get(id).debtorChannel(), 16);
        assertThat(endOf(id).result()).isEqualTo(CallResult.ANSWERED);
    }

    private static String dial(Map<String, String> debtorBehaviour) {
        String id = UUID.randomUUID().toString();
        track(id);
        Map<String, String> variables = new HashMap<>(debtorBehaviour);
        variables.put("AGENT_ENDPOINT", "Local/101@agents");
        ami.originate(new OriginateRequest(id, "Local/420601000001@debtors", "collector-connect", "agent", 1,
                Duration.ofSeconds(25), "Collector <100>", variables));
        return id;
    }

    private static void track(String id) {
        connected.put(id, new CompletableFuture<>());
        ended.put(id, new CompletableFuture<>());
        calls.put(id, new LiveCall(id, aCase(), "+420601000001", new Agent("a1", "Anna", "Local/101@agents"), Instant.now()));
    }

    private static CallAttempt endOf(String id) throws Exception {
        return ended.get(id).get(10, TimeUnit.SECONDS).toAttempt();
    }

    private static Case aCase() {
        return new Case("case-1", "demo", new Debtor("d-1", "Jana Novak"),
                List.of(new Claim("cl-1", new BigDecimal("250.00"), "EUR", LocalDate.of(2026, 9, 1))),
                List.of("+420601000001"), ZoneId.of("Europe/Prague"), 5, Instant.now());
    }
}
