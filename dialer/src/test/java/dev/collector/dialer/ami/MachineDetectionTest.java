package dev.collector.dialer.ami;

import static dev.collector.dialer.ami.CallFollower.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.dialer.call.CallState;
import dev.collector.dialer.call.LiveCall;
import dev.collector.dialer.call.MachineHandling;
import dev.collector.dialer.call.MachinePolicy;
import dev.collector.domain.agent.Agent;
import dev.collector.domain.call.CallResult;
import dev.collector.pbx.PbxSimulator;
import dev.collector.pbx.SimulatorSettings;
import dev.collector.pbx.world.DebtorBehaviour;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answering-machine detection end to end: the simulator runs AMD() on the answered leg and sets
 * AMDSTATUS, the adapter reads it from the VarSet, the call follows the campaign's machine policy.
 */
class MachineDetectionTest {

    private PbxSimulator pbx;
    private AmiConnection ami;
    private CallFollower follower;

    @AfterEach
    void stop() {
        follower.close();
        ami.close();
        pbx.close();
    }

    @Test
    void aPersonIsAnsweredOnlyOnceAmdSaysSoAndIsThenConnectedToAnAgent() throws Exception {
        start(1.0);
        String id = dialHold("answer", MachinePolicy.HANG_UP);
        LiveCall call = follower.calls.get(id);

        awaitUntil(Duration.ofSeconds(5), () -> state(call) == CallState.ANSWERED_BY_PERSON);
        assertThat(follower.read(call::answeredByMachine)).contains(false);
        // as the agent connector does: the agent's endpoint, then the connect context
        assertThat(ami.setVariable(call.debtorChannel(), "AGENT_ENDPOINT", "Local/101@agents")
                .toCompletableFuture().get()).isTrue();
        assertThat(ami.redirect(call.debtorChannel(), "collector-connect", "agent", 1).toCompletableFuture().get())
                .isTrue();
        follower.awaitBridged(id);
        ami.hangup(call.debtorChannel(), 16);
        assertThat(follower.endOf(id).result()).isEqualTo(CallResult.ANSWERED);
    }

    @Test
    void aMachineIsHungUpOnAndCountsAsNotReachedNotAsAbandoned() throws Exception {
        start(1.0);
        String id = dialHold("machine", MachinePolicy.HANG_UP);

        LiveCall call = follower.endOf(id);
        assertThat(call.result()).isEqualTo(CallResult.MACHINE);
        assertThat(call.answeredByMachine()).contains(true);
        assertThat(call.answered()).isFalse();
        assertThat(call.toAttempt().answeredAt()).isEmpty();
        assertThat(pbx.traffic().machineMessages()).isZero();
    }

    @Test
    void aMachineIsLeftTheCampaignsMessageWhenTheCampaignWantsIt() throws Exception {
        start(1.0);
        String id = dialHold("machine", MachinePolicy.LEAVE_MESSAGE);

        assertThat(follower.endOf(id).result()).isEqualTo(CallResult.MACHINE);
        assertThat(pbx.traffic().machineMessages()).isEqualTo(1);
    }

    @Test
    void aMachinePassedToAgentsIsBridgedLikeAPerson() throws Exception {
        start(1.0);
        String id = dial("collector-connect", "machine", MachinePolicy.PASS_TO_AGENT,
                Map.of("AGENT_ENDPOINT", "Local/101@agents"));

        follower.awaitBridged(id);
        LiveCall call = follower.endOf(id); // the machine's greeting ends and it hangs up
        assertThat(call.result()).isEqualTo(CallResult.ANSWERED);
        assertThat(call.answeredByMachine()).contains(true);
    }

    @Test
    void anAmdThatTakesPeopleForMachinesHangsUpOnThem() throws Exception {
        start(0.0);
        String id = dialHold("answer", MachinePolicy.HANG_UP);

        LiveCall call = follower.endOf(id);
        assertThat(call.answeredByMachine()).contains(true);
        assertThat(call.result()).isEqualTo(CallResult.MACHINE);
        assertThat(pbx.traffic().answered()).isEqualTo(1); // a person had picked up
    }

    private CallState state(LiveCall call) {
        try {
            return follower.read(call::state);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String dialHold(String debtor, MachinePolicy policy) {
        return dial("collector-hold", debtor, policy, Map.of());
    }

    /** As the campaign dialer does with detection on: the context's {@code amd} extension, the policy set. */
    private String dial(String context, String debtor, MachinePolicy policy, Map<String, String> more) {
        String id = UUID.randomUUID().toString();
        follower.follow(new LiveCall(id, CallFollower.aCase(), "+420601000001",
                new Agent("a1", "Anna", "Local/101@agents"), Instant.now()).detectMachines(policy));
        MachineHandling handling = MachineHandling.detecting(policy, "collector/please-call-back");
        Map<String, String> variables = new HashMap<>(handling.channelVariables());
        variables.putAll(more);
        variables.put("FORCE", debtor);
        variables.put("RING", "1");
        variables.put("TALK", "20");
        assertThat(ami.originate(new OriginateRequest(id, "Local/420601000001@debtors", context,
                MachineHandling.AMD_EXTEN, 1, Duration.ofSeconds(25), "Collector <100>", variables))).isTrue();
        return id;
    }

    private void start(double amdAccuracy) throws Exception {
        SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(0.05)
                .withDebtors(DebtorBehaviour.defaults().withAmdAccuracy(amdAccuracy));
        pbx = PbxSimulator.start(settings);
        ami = new AmiConnection(new AmiSettings("127.0.0.1", pbx.port(), settings.username(), settings.secret()));
        follower = new CallFollower(ami);
        ami.connect();
    }
}
