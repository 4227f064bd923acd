package dev.collector.pbx;

import static dev.collector.pbx.AmiTestClient.originate;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each debtor outcome as Asterisk-Java delivers it: the OriginateResponse reason, the Uniqueid the
 * dialer can match, and the hangup causes of both Local legs, as in the captures.
 */
class OriginateOutcomeTest {

    private static PbxSimulator pbx;

    @BeforeAll
    static void start() {
        pbx = PbxSimulator.start(SimulatorSettings.defaults().withTimeScale(0.01).withSeed(42));
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void answered_call_reports_reason_4_with_the_channel_id_then_bridges_the_agent_and_ends_normally()
            throws Exception {
        try (AmiTestClient ami = AmiTestClient.connect(pbx)) {
            OriginateAction action = originate("5550001", "orig-answer", "agent",
                    Map.of("FORCE", "answer", "RING", "2", "TALK", "5", "AGENT_ENDPOINT", "Local/101@agents"));
            action.setChannelId("call-answer-1");

            ManagerResponse response = ami.send(action);
            assertThat(response.getResponse()).isEqualTo("Success");
            assertThat(response.getMessage()).isEqualTo("Originate successfully queued");
            assertThat(response.getActionId()).isEqualTo("orig-answer");

            OriginateResponseEvent answered =
                    ami.events.await(OriginateResponseEvent.class, e -> "orig-answer".equals(e.getActionId()));
            assertThat(answered.getResponse()).isEqualTo("Success");
            assertThat(answered.getReason()).isEqualTo(4);
            assertThat(answered.getUniqueId()).isEqualTo("call-answer-1");
            assertThat(answered.getChannel()).matches("Local/5550001@debtors-[0-9a-f]{8};1");

            BridgeEnterEvent agentEnters = ami.events.await(BridgeEnterEvent.class,
                    e -> e.getChannel().matches("Local/101@agents-[0-9a-f]{8};1"));
            BridgeEnterEvent debtorEnters =
                    ami.events.await(BridgeEnterEvent.class, e -> "call-answer-1".equals(e.getUniqueId()));
            assertThat(debtorEnters.getBridgeUniqueId()).isEqualTo(agentEnters.getBridgeUniqueId());
            assertThat(debtorEnters.getBridgeNumChannels()).isEqualTo(2);
            assertThat(ami.events.indexOf(debtorEnters)).isGreaterThan(ami.events.indexOf(answered));

            HangupEvent debtorHangsUp = ami.events.await(HangupEvent.class, e -> "call-answer-1".equals(e.getUniqueId()));
            assertThat(debtorHangsUp.getCause()).isEqualTo(16);
            assertThat(debtorHangsUp.getCauseTxt()).isEqualTo("Normal Clearing");
            HangupEvent otherLeg = ami.events.await(HangupEvent.class, e -> "call-answer-1;2".equals(e.getUniqueId()));
            assertThat(otherLeg.getCause()).isEqualTo(16);
            HangupEvent agentHangsUp = ami.events.await(HangupEvent.class,
                    e -> e.getChannel().matches("Local/101@agents-[0-9a-f]{8};2"));
            assertThat(agentHangsUp.getCause()).isEqualTo(16);
        }
    }

    @Test
    void busy_debtor_fails_with_reason_5_matched_by_action_id_and_user_busy_on_the_second_leg() throws Exception {
        try (AmiTestClient ami = AmiTestClient.connect(pbx)) {
            ami.send(originate("5550002", "orig-busy", "agent", Map.of("FORCE", "busy")));

            OriginateResponseEvent busy =
                    ami.events.await(OriginateResponseEvent.class, e -> "orig-busy".equals(e.getActionId()));
            assertThat(busy.getResponse()).isEqualTo("Failure");
            assertThat(busy.getReason()).isEqualTo(5);
            assertThat(busy.getChannel()).isEqualTo("Local/5550002@debtors");
            assertThat(busy.getUniqueId()).as("Asterisk-Java reads <unknown> as null").isNull();

            HangupEvent secondLeg = ami.events.await(HangupEvent.class,
                    e -> e.getChannel().matches("Local/5550002@debtors-[0-9a-f]{8};2"));
            assertThat(secondLeg.getCause()).isEqualTo(17);
            assertThat(secondLeg.getCauseTxt()).isEqualTo("User busy");
            HangupEvent firstLeg = ami.events.await(HangupEvent.class,
                    e -> e.getChannel().matches("Local/5550002@debtors-[0-9a-f]{8};1"));
            assertThat(firstLeg.getCause()).isZero();
            DialEndEvent dialEnd = ami.events.await(DialEndEvent.class,
                    e -> e.getDestChannel().equals(firstLeg.getChannel()));
            assertThat(dialEnd.getDialStatus()).isEqualTo("BUSY");
        }
    }

    @Test
    void congested_network_fails_with_reason_8_and_cause_34() throws Exception {
        try (AmiTestClient ami = AmiTestClient.connect(pbx)) {
            OriginateAction action = originate("5550003", "orig-cong", "agent", Map.of("FORCE", "congestion"));
            action.setChannelId("call-cong-1");
            ami.send(action);

            OriginateResponseEvent congestion =
                    ami.events.await(OriginateResponseEvent.class, e -> "orig-cong".equals(e.getActionId()));
            assertThat(congestion.getReason()).isEqualTo(8);
            assertThat(congestion.getUniqueId()).as("a ChannelId also names failures").isEqualTo("call-cong-1");
            HangupEvent secondLeg = ami.events.await(HangupEvent.class, e -> "call-cong-1;2".equals(e.getUniqueId()));
            assertThat(secondLeg.getCause()).isEqualTo(34);
            assertThat(secondLeg.getCauseTxt()).isEqualTo("Circuit/channel congestion");
        }
    }

    @Test
    void unanswered_call_fails_with_reason_3_after_the_originate_timeout() throws Exception {
        try (AmiTestClient ami = AmiTestClient.connect(pbx)) {
            OriginateAction action = originate("5550004", "orig-noans", "agent", Map.of("FORCE", "noanswer"));
            action.setTimeout(8_000L);
            action.setChannelId("call-noans-1");
            long sent = System.nanoTime();
            ami.send(action);

            OriginateResponseEvent noAnswer =
                    ami.events.await(OriginateResponseEvent.class, e -> "orig-noans".equals(e.getActionId()));
            Duration waited = Duration.ofNanos(System.nanoTime() - sent);
            assertThat(noAnswer.getReason()).isEqualTo(3);
            assertThat(noAnswer.getResponse()).isEqualTo("Failure");
            assertThat(waited).as("8 s at time scale 0.01").isGreaterThanOrEqualTo(Duration.ofMillis(75));
            assertThat(ami.events.await(HangupEvent.class, e -> "call-noans-1".equals(e.getUniqueId())).getCause())
                    .isEqualTo(19);
            HangupEvent secondLeg = ami.events.await(HangupEvent.class, e -> "call-noans-1;2".equals(e.getUniqueId()));
            assertThat(secondLeg.getCause()).isEqualTo(19);
            assertThat(secondLeg.getCauseTxt()).isEqualTo("User alerting, no answer");
        }
    }

    @Test
    void answering_machine_answers_then_amd_reports_it_and_the_call_is_hung_up() throws Exception {
        try (AmiTestClient ami = AmiTestClient.connect(pbx)) {
            ami.connection.registerUserEventClass(AMDResultEvent.class);
            OriginateAction action = originate("5550005", "orig-machine", "amd",
                    Map.of("FORCE", "machine", "RING", "1", "AGENT", "101"));
            action.setChannelId("call-machine-1");
            ami.send(action);

            OriginateResponseEvent answered =
                    ami.events.await(OriginateResponseEvent.class, e -> "orig-machine".equals(e.getActionId()));
            assertThat(answered.getReason()).as("a machine answers like a person").isEqualTo(4);
            AMDResultEvent amd = ami.events.await(AMDResultEvent.class, e -> "call-machine-1".equals(e.getUniqueId()));
            assertThat(amd.getStatus()).isEqualTo("MACHINE");
            assertThat(ami.events.await(HangupEvent.class, e -> "call-machine-1".equals(e.getUniqueId())).getCause())
                    .isEqualTo(16);
            assertThat(ami.events.all(DialBeginEvent.class, e -> e.getDestChannel().startsWith("Local/101@agents")))
                    .as("no agent is dialled for a machine").isEmpty();
        }
    }

    @Test
    void channel_events_carry_the_assigned_ids_and_the_capture_headers() throws Exception {
        try (AmiTestClient ami = AmiTestClient.connect(pbx)) {
            OriginateAction action = originate("5550006", "orig-ids", "s", Map.of("FORCE", "busy"));
            action.setChannelId("call-ids-1");
            action.setOtherChannelId("call-ids-1-other");
            ami.send(action);

            NewChannelEvent one = ami.events.await(NewChannelEvent.class, e -> "call-ids-1".equals(e.getUniqueId()));
            NewChannelEvent two = ami.events.await(NewChannelEvent.class, e -> "call-ids-1-other".equals(e.getUniqueId()));
            assertThat(one.getChannelStateDesc()).isEqualTo("Down");
            assertThat(two.getChannelStateDesc()).isEqualTo("Ring");
            assertThat(two.getLinkedid()).isEqualTo("call-ids-1");
            assertThat(one.getContext()).isEqualTo("debtors");
            assertThat(one.getExten()).isEqualTo("5550006");
            DialBeginEvent dialBegin = ami.events.await(DialBeginEvent.class,
                    e -> "call-ids-1".equals(e.getDestUniqueId()));
            assertThat(dialBegin.getDialString()).isEqualTo("5550006@debtors");
        }
    }
}
