package dev.collector.dialer.ami;

import static dev.collector.dialer.ami.CallFollower.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.domain.call.CallResult;
import dev.collector.pbx.PbxSimulator;
import dev.collector.pbx.SimulatorSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two simulated Asterisk servers behind one pool, each with its own limits, over TCP. */
class PbxPoolTest {

    private static final Map<String, String> TALKS_LONG = Map.of("FORCE", "answer", "RING", "1", "TALK", "600");
    private static final Duration RING_TIMEOUT = Duration.ofSeconds(25);

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void callsGoOnlyWhereThereIsRoomAndAPbxThatGoesDownLeavesItsShareToTheOther() throws Exception {
        // each simulated call grows to four channels: the debtor's Local pair and the agent's
        PbxSimulator first = simulator(12);
        PbxSimulator second = simulator(8);
        PbxPool pool = pool(settingsOf(first, new PbxLimits(12, 2, 4)), settingsOf(second, new PbxLimits(8, 0, 4)));
        CallFollower follower = follower(pool);

        List<Boolean> placed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            placed.add(pool.originate(request(follower, "call-" + i)));
        }

        // the first takes two by its trunk limit, the second two by its channel limit; the fifth has no room
        assertThat(placed).containsExactly(true, true, true, true, false);
        for (int i = 1; i <= 4; i++) {
            follower.awaitBridged("call-" + i);
        }
        assertThat(first.traffic().currentCalls()).isEqualTo(2);
        assertThat(second.traffic().currentCalls()).isEqualTo(2);
        assertThat(first.traffic().overCapacity() + second.traffic().overCapacity()).isZero();
        assertThat(pool.isConnected()).isFalse();

        first.close();
        AmiConnection firstMember = pool.members().get(0);
        awaitUntil(Duration.ofSeconds(5), () -> !firstMember.isConnected());
        // a call on the second ends: its room goes to the next call, the first being down
        String onSecond = "call-2";
        pool.hangup(onSecond, follower.read(() -> follower.calls.get(onSecond).debtorChannel()), 16);
        assertThat(follower.endOf(onSecond).result()).isEqualTo(CallResult.ANSWERED);
        awaitUntil(Duration.ofSeconds(5), pool::isConnected);
        assertThat(pool.originate(request(follower, "call-6"))).isTrue();
        follower.awaitBridged("call-6");
        assertThat(second.traffic().originates()).isEqualTo(3);
        assertThat(second.traffic().overCapacity()).isZero();
    }

    @Test
    void anOriginateOnePbxRefusesIsPlacedOnAnotherAndFailsOnlyWhenAllRefuse() throws Exception {
        PbxSimulator refusing = simulator(0);
        PbxSimulator willing = simulator(0);
        refusing.faults().refuseOriginates(true);
        PbxPool pool = pool(settingsOf(refusing, PbxLimits.UNLIMITED), settingsOf(willing, PbxLimits.UNLIMITED));
        CallFollower follower = follower(pool);

        assertThat(pool.originate(request(follower, "moved"))).isTrue();
        follower.awaitBridged("moved");
        assertThat(willing.traffic().originates()).isEqualTo(1);
        assertThat(refusing.traffic().originates()).isZero();

        willing.faults().refuseOriginates(true);
        assertThat(pool.originate(request(follower, "refused-everywhere"))).isTrue();
        assertThat(follower.endOf("refused-everywhere").result()).isEqualTo(CallResult.FAILED);
        assertThat(pool.members()).allSatisfy(m -> assertThat(m.callsInFlight()).isLessThanOrEqualTo(1));
        assertThat(pool.members().get(0).callsInFlight()).isZero();
    }

    private OriginateRequest request(CallFollower follower, String id) {
        follower.follow(new dev.collector.dialer.call.LiveCall(id, CallFollower.aCase(), "+420601000001",
                new dev.collector.domain.agent.Agent("a1", "Anna", "Local/101@agents"), java.time.Instant.now()));
        Map<String, String> variables = new java.util.HashMap<>(TALKS_LONG);
        variables.put("AGENT_ENDPOINT", "Local/101@agents");
        return new OriginateRequest(id, "Local/420601000001@debtors", "collector-connect", "agent", 1, RING_TIMEOUT,
                "Collector <100>", variables);
    }

    private PbxSimulator simulator(int maxChannels) {
        PbxSimulator pbx = PbxSimulator.start(SimulatorSettings.defaults().withTimeScale(0.05)
                .withMaxChannels(maxChannels));
        toClose.add(pbx);
        return pbx;
    }

    private static AmiSettings settingsOf(PbxSimulator pbx, PbxLimits limits) {
        SimulatorSettings defaults = SimulatorSettings.defaults();
        return new AmiSettings("127.0.0.1", pbx.port(), defaults.username(), defaults.secret(), limits);
    }

    private PbxPool pool(AmiSettings... pbxs) {
        PbxPool pool = PbxPool.of(List.of(pbxs), new ReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(400)));
        pool.connect();
        toClose.add(pool);
        return pool;
    }

    private CallFollower follower(PbxPool pool) {
        CallFollower follower = new CallFollower(pool);
        toClose.add(follower);
        return follower;
    }
}
