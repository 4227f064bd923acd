package dev.collector.pbx;

import static dev.collector.pbx.AmiTestClient.originate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.action.StatusAction;
import org.asteriskjava.manager.event.BridgeDestroyEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.StatusEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a dialer does with calls in progress: hang up, list, redirect, and run several at once. */
class CallControlTest {

    private static PbxSimulator pbx;

    @BeforeAll
    static void start() {
        pbx = PbxSimulator.start(SimulatorSettings.defaults().withTimeScale(0.01));
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void hangup_action_on_the_debtor_leg_ends_the_bridged_call_on_every_leg() throws Exception {
        try (AmiTestClient ami = AmiTestClient.connect(pbx)) {
            ami.send(answeredCall("5551001", "hup", "call-hup-1", "Local/102@agents"));
            OriginateResponseEvent answered =
                    ami.events.await(OriginateResponseEvent.class, e -> "hup".equals(e.getActionId()));
            BridgeEnterEvent debtorEnters =
                    ami.events.await(BridgeEnterEvent.class, e -> "call-hup-1".equals(e.getUniqueId()));

            ManagerResponse hungUp = ami.send(new HangupAction(answered.getChannel()));
            assertThat(hungUp.getResponse()).isEqualTo("Success");
            assertThat(hungUp.getMessage()).isEqualTo("Channel Hungup");

            assertThat(ami.events.await(HangupEvent.class, e -> "call-hup-1".equals(e.getUniqueId())).getCause())
                    .isEqualTo(16);
            ami.events.await(HangupEvent.class, e -> "call-hup-1;2".equals(e.getUniqueId()));
            ami.events.await(HangupEvent.class, e -> e.getChannel().matches("Local/102@agents-[0-9a-f]{8};1"));
            ami.events.await(HangupEvent.class, e -> e.getChannel().matches("Local/102@agents-[0-9a-f]{8};2"));
            ami.events.await(BridgeDestroyEvent.class,
                    e -> e.getBridgeUniqueId().equals(debtorEnters.getBridgeUniqueId()));
        }
    }

    @Test
    void hangup_action_with_a_cause_and_unknown_channels_answer_like_asterisk() throws Exception {
        try (AmiTestClient ami = AmiTestClient.connect(pbx)) {
            ami.send(answeredCall("5551002", "hup-cause", "call-hup-2", null));
            OriginateResponseEvent answered =
                    ami.events.await(OriginateResponseEvent.class, e -> "hup-cause".equals(e.getActionId()));

            ManagerResponse noSuchChannel = ami.send(new HangupAction("Local/0000@nowhere-00000000;1"));
            assertThat(noSuchChannel.getResponse()).isEqualTo("Error");
            assertThat(noSuchChannel.getMessage()).isEqualTo("No such channel");

            ami.send(new HangupAction(answered.getChannel(), 21));
            HangupEvent hangup = ami.events.await(HangupEvent.class, e -> "call-hup-2".equals(e.getUniqueId()));
            assertThat(hangup.getCause()).isEqualTo(21);
            assertThat(hangup.getCauseTxt()).isEqualTo("Call Rejected");
        }
    }

    @Test
    void core_show_channels_and_status_list_an_active_call_for_reconciliation() throws Exception {
        try (AmiTestClient ami = AmiTestClient.connect(pbx)) {
            ami.send(answeredCall("5551003", "listed", "call-listed-1", null));
            ami.events.await(OriginateResponseEvent.class, e -> "listed".equals(e.getActionId()));

            ResponseEvents listed = ami.connection.sendEventGeneratingAction(new CoreShowChannelsAction());
            assertThat(listed.getResponse().getResponse()).isEqualTo("Success");
            List<CoreShowChannelEvent> channels = listed.getEvents().stream()
                    .filter(CoreShowChannelEvent.class::isInstance).map(CoreShowChannelEvent.class::cast).toList();
            assertThat(channels).extracting(CoreShowChannelEvent::getUniqueid)
                    .contains("call-listed-1", "call-listed-1;2");
            CoreShowChannelEvent debtorLeg = channels.stream()
                    .filter(c -> "call-listed-1".equals(c.getUniqueid())).findFirst().orElseThrow();
            assertThat(debtorLeg.getChannelStateDesc()).isEqualTo("Up");
            assertThat(debtorLeg.getApplication()).isEqualTo("Wait");
            assertThat(listed.getEvents()).filteredOn(CoreShowChannelsCompleteEvent.class::isInstance)
                    .singleElement()
                    .satisfies(e -> assertThat(((CoreShowChannelsCompleteEvent) e).getListitems())
                            .isEqualTo(channels.size()));

            ResponseEvents status = ami.connection.sendEventGeneratingAction(new StatusAction());
            assertThat(status.getEvents()).filteredOn(StatusEvent.class::isInstance)
                    .extracting(e -> ((StatusEvent) e).getUniqueId())
                    .contains("call-listed-1", "call-listed-1;2");

            ami.send(new HangupAction(debtorLeg.getChannel()));
            ami.events.await(HangupEvent.class, e -> "call-listed-1;2".equals(e.getUniqueId()));
        }
    }

    @Test
    void a_parked_answered_call_is_redirected_to_the_agent_the_dialer_picked() throws Exception {
        try (AmiTestClient ami = AmiTestClient.connect(pbx)) {
            ami.send(answeredCall("5551004", "parked", "call-parked-1", null));
            OriginateResponseEvent answered =
                    ami.events.await(OriginateResponseEvent.class, e -> "parked".equals(e.getActionId()));

            ManagerResponse set = ami.send(new SetVarAction(answered.getChannel(), "AGENT_ENDPOINT", "PJSIP/agent-17"));
            assertThat(set.getMessage()).isEqualTo("Variable Set");
            ManagerResponse redirected = ami.send(new RedirectAction(answered.getChannel(), "connect", "agent", 1));
            assertThat(redirected.getMessage()).isEqualTo("Redirect successful");

            BridgeEnterEvent agent = ami.events.await(BridgeEnterEvent.class,
                    e -> e.getChannel().matches("PJSIP/agent-17-[0-9a-f]{8}"));
            BridgeEnterEvent debtor = ami.events.await(BridgeEnterEvent.class,
                    e -> "call-parked-1".equals(e.getUniqueId()));
            assertThat(debtor.getBridgeUniqueId()).isEqualTo(agent.getBridgeUniqueId());
            ami.send(new HangupAction(agent.getChannel()));
            ami.events.await(HangupEvent.class, e -> "call-parked-1;2".equals(e.getUniqueId()));
        }
    }

    @Test
    void two_concurrent_calls_keep_their_events_apart() throws Exception {
        try (AmiTestClient ami = AmiTestClient.connect(pbx)) {
            ami.send(answeredCall("5551005", "first", "call-first", "Local/201@agents", "4"));
            ami.send(answeredCall("5551006", "second", "call-second", "Local/202@agents", "3"));

            for (String[] call : new String[][] {{"call-first", "201"}, {"call-second", "202"}}) {
                String id = call[0];
                BridgeEnterEvent debtor = ami.events.await(BridgeEnterEvent.class, e -> id.equals(e.getUniqueId()));
                BridgeEnterEvent agent = ami.events.await(BridgeEnterEvent.class,
                        e -> e.getChannel().startsWith("Local/" + call[1] + "@agents-"));
                assertThat(agent.getBridgeUniqueId()).isEqualTo(debtor.getBridgeUniqueId());
                assertThat(agent.getLinkedId()).isEqualTo(id);

                HangupEvent lastLeg = ami.events.await(HangupEvent.class,
                        e -> e.getChannel().matches("Local/" + call[1] + "@agents-[0-9a-f]{8};2"));
                List<ManagerEvent> ofCall = ami.events.all(ManagerEvent.class, e -> linkedTo(e, id));
                assertThat(ofCall).filteredOn(HangupEvent.class::isInstance).hasSize(4);
                NewChannelEvent first = ami.events.await(NewChannelEvent.class, e -> id.equals(e.getUniqueId()));
                OriginateResponseEvent response = ami.events.await(OriginateResponseEvent.class,
                        e -> id.equals(e.getUniqueId()));
                assertThat(ami.events.indexOf(first)).isLessThan(ami.events.indexOf(response));
                assertThat(ami.events.indexOf(response)).isLessThan(ami.events.indexOf(debtor));
                assertThat(ami.events.indexOf(debtor)).isLessThan(ami.events.indexOf(lastLeg));
            }
            assertThat(pbx.stats().answered()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void every_logged_in_manager_sees_the_events_of_a_call_another_placed() throws Exception {
        try (AmiTestClient dialer = AmiTestClient.connect(pbx); AmiTestClient supervisor = AmiTestClient.connect(pbx)) {
            OriginateAction action = originate("5551007", "watched", "s", Map.of("FORCE", "busy"));
            action.setChannelId("call-watched-1");
            dialer.send(action);

            OriginateResponseEvent seenByDialer =
                    dialer.events.await(OriginateResponseEvent.class, e -> "call-watched-1".equals(e.getUniqueId()));
            OriginateResponseEvent seenBySupervisor = supervisor.events.await(OriginateResponseEvent.class,
                    e -> "call-watched-1".equals(e.getUniqueId()));
            assertThat(seenBySupervisor.getReason()).isEqualTo(seenByDialer.getReason()).isEqualTo(5);
            supervisor.events.await(HangupEvent.class, e -> "call-watched-1;2".equals(e.getUniqueId()));
        }
    }

    private static boolean linkedTo(ManagerEvent event, String linkedId) {
        if (event instanceof HangupEvent) {
            return linkedId.equals(((HangupEvent) event).getLinkedId());
        }
        return false;
    }

    private static OriginateAction answeredCall(String number, String actionId, String channelId, String agent) {
        return answeredCall(number, actionId, channelId, agent, "600");
    }

    /** A call the debtor answers at once and talks on for {@code talkSeconds} of simulated time. */
    private static OriginateAction answeredCall(String number, String actionId, String channelId, String agent,
            String talkSeconds) {
        Map<String, String> variables = agent == null
                ? Map.of("FORCE", "answer", "RING", "1", "TALK", talkSeconds)
                : Map.of("FORCE", "answer", "RING", "1", "TALK", talkSeconds, "AGENT_ENDPOINT", agent);
        OriginateAction action = originate(number, actionId, agent == null ? "s" : "agent", variables);
        action.setChannelId(channelId);
        return action;
    }
}
