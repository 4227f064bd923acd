package dev.collector.dialer.ami;

import static dev.collector.dialer.ami.CallFollower.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.dialer.call.CallState;
import dev.collector.dialer.call.LiveCall;
import dev.collector.domain.call.CallResult;
import dev.collector.pbx.PbxSimulator;
import dev.collector.pbx.SimulatorSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The AMI session lost in the middle of calls, against the PBX simulator over TCP: the connection
 * logs in again by itself and reconciles the calls it believed in flight with CoreShowChannels.
 */
class AmiReconnectionTest {

    /** 1 simulated second = 50 ms. */
    private static final double TIME_SCALE = 0.05;

    private final SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(TIME_SCALE);
    private PbxSimulator pbx;
    private AmiConnection ami;
    private CallFollower follower;

    @AfterEach
    void stop() {
        if (follower != null) {
            follower.close();
        }
        if (ami != null) {
            ami.close();
        }
        if (pbx != null) {
            pbx.close();
        }
    }

    @Test
    void callsThatEndedOrWereAnsweredWhileTheNetworkWasCutAreReconciledAndEachEndsExactlyOnce() throws Exception {
        start();
        Duration ringTimeout = Duration.ofSeconds(25); // 1.25 s here
        String talking = follower.dial(ami, "talking", Map.of("FORCE", "answer", "RING", "1", "TALK", "600"), ringTimeout);
        String hangsUpMeanwhile = follower.dial(ami, "hangs-up-meanwhile",
                Map.of("FORCE", "answer", "RING", "1", "TALK", "40"), ringTimeout);
        String answersMeanwhile = follower.dial(ami, "answers-meanwhile",
                Map.of("FORCE", "answer", "RING", "20", "TALK", "600"), ringTimeout);
        String ringsOutMeanwhile = follower.dial(ami, "rings-out-meanwhile", Map.of("FORCE", "noanswer"), ringTimeout);
        follower.awaitBridged(talking);
        follower.awaitBridged(hangsUpMeanwhile);

        pbx.faults().cutNetwork(true);
        awaitUntil(Duration.ofSeconds(5), () -> !ami.isConnected());
        // nothing can be dialed meanwhile: the caller keeps its case
        assertThat(ami.originate(new OriginateRequest("while-down", "Local/420601000002@debtors", "collector-connect",
                "agent", 1, ringTimeout, "Collector <100>", Map.of()))).isFalse();
        // 2.5 s: one debtor hangs up (2.05 s), one rings out (1.25 s), one answers and is bridged (1.1 s)
        Thread.sleep(2_500);
        assertThat(follower.ended.get(hangsUpMeanwhile)).isNotDone();
        pbx.faults().cutNetwork(false);
        awaitUntil(Duration.ofSeconds(5), ami::isConnected);

        LiveCall hungUp = follower.endOf(hangsUpMeanwhile);
        assertThat(hungUp.result()).isEqualTo(CallResult.ANSWERED);
        assertThat(hungUp.toAttempt().agentId()).contains("a1");
        // its OriginateResponse was lost with the session: it ended unseen, and that is all we know
        assertThat(follower.endOf(ringsOutMeanwhile).result()).isEqualTo(CallResult.FAILED);
        follower.awaitBridged(answersMeanwhile);
        LiveCall caughtUp = follower.read(() -> follower.calls.get(answersMeanwhile));
        assertThat(follower.read(caughtUp::state)).isEqualTo(CallState.CONNECTED_TO_AGENT);
        assertThat(caughtUp.debtorChannel()).matches("Local/420601000001@debtors-[0-9a-f]{8};1");
        assertThat(follower.read(() -> follower.calls.get(talking).state())).isEqualTo(CallState.CONNECTED_TO_AGENT);
        assertThat(ami.callsInFlight()).isEqualTo(2);
        assertThat(ami.vanishedCalls()).isEqualTo(2);
        assertThat(ami.reconnects()).isEqualTo(1);

        // the calls still up are driven over the new session and end once each
        ami.hangup(follower.read(() -> follower.calls.get(talking).debtorChannel()), 16);
        ami.hangup(caughtUp.debtorChannel(), 16);
        assertThat(follower.endOf(talking).result()).isEqualTo(CallResult.ANSWERED);
        assertThat(follower.endOf(answersMeanwhile).result()).isEqualTo(CallResult.ANSWERED);
        awaitUntil(Duration.ofSeconds(5), () -> ami.callsInFlight() == 0);
        Thread.sleep(200); // late events, if any, would come now
        assertThat(follower.ends.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(pbx.traffic().currentCalls()).isZero();
    }

    @Test
    void aDroppedSessionIsRestoredAtOnceAndTheCallGoesOnWithoutAnyEndInvented() throws Exception {
        start();
        String id = follower.dial(ami, "goes-on", Map.of("FORCE", "answer", "RING", "1", "TALK", "60"),
                Duration.ofSeconds(25));
        follower.awaitBridged(id);

        pbx.faults().dropConnections();
        awaitUntil(Duration.ofSeconds(5), () -> ami.reconnects() == 1 && ami.isConnected());

        assertThat(follower.ended.get(id)).isNotDone();
        assertThat(ami.callsInFlight()).isEqualTo(1);
        // the debtor hangs up after 60 simulated seconds (3 s), seen over the new session
        LiveCall call = follower.endOf(id);
        assertThat(call.result()).isEqualTo(CallResult.ANSWERED);
        assertThat(call.toAttempt().hangupCause()).isEqualTo(16);
        assertThat(follower.ends.get(id).get()).isEqualTo(1);
        assertThat(ami.vanishedCalls()).isZero();
    }

    @Test
    void callsOnAPbxOutOfReachTooLongAreTakenForLostOnceAndHungUpIfItStillHasThemWhenItComesBack() throws Exception {
        start(Duration.ofMillis(600));
        String id = follower.dial(ami, "on-a-dead-pbx", Map.of("FORCE", "answer", "RING", "1", "TALK", "600"),
                Duration.ofSeconds(25));
        follower.awaitBridged(id);

        pbx.faults().cutNetwork(true);
        // out of reach for longer than 600 ms: the call ends although nothing was heard of it
        LiveCall lost = follower.endOf(id);
        assertThat(lost.result()).isEqualTo(CallResult.ANSWERED);
        assertThat(ami.isConnected()).isFalse();
        assertThat(ami.callsInFlight()).isZero();

        pbx.faults().cutNetwork(false);
        awaitUntil(Duration.ofSeconds(5), ami::isConnected);
        // the PBX still had it (the network failed, not the PBX): hung up, not left talking unfollowed
        awaitUntil(Duration.ofSeconds(5), () -> pbx.traffic().currentCalls() == 0);
        assertThat(follower.ends.get(id).get()).isEqualTo(1);
        assertThat(ami.vanishedCalls()).isEqualTo(1);
    }

    private void start() throws Exception {
        start(ReconnectBackoff.DEFAULT_CALLS_LOST_AFTER);
    }

    private void start(Duration callsLostAfter) throws Exception {
        pbx = PbxSimulator.start(settings);
        ami = new AmiConnection(new AmiSettings("127.0.0.1", pbx.port(), settings.username(), settings.secret()),
                new ReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(400), callsLostAfter));
        follower = new CallFollower(ami);
        ami.connect();
    }
}
