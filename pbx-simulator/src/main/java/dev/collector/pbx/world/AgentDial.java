package dev.collector.pbx.world;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dial() from the answered debtor leg to an agent, as in ami-run1.log at t=5.51: the agent's
 * channel(s) appear, DialBegin, the agent picks up after the configured delay, DialEnd ANSWER,
 * and a basic bridge joins the agent's channel and the debtor's {@code ;1}. Simulated agents
 * always pick up and never hang up on their own; the dialer or the debtor ends the call.
 */
final class AgentDial {

    private static final Logger log = LoggerFactory.getLogger(AgentDial.class);

    private final PbxCore core;
    private final Call call;
    private final Channel leg;

    AgentDial(PbxCore core, Call call) {
        this.core = core;
        this.call = call;
        this.leg = call.debtorOne();
    }

    void dial(String endpointText) {
        Optional<DialString> endpoint = DialString.parse(endpointText).filter(DialString::isAgentEndpoint);
        if (endpoint.isEmpty()) {
            // Dial() cannot create the channel: DIALSTATUS=CHANUNAVAIL, the dialplan goes on to Hangup()
            log.warn("cannot dial agent endpoint '{}': expected Local/<exten>@<context> or PJSIP/<endpoint>",
                    endpointText);
            core.setVariable(leg, "DIALSTATUS", "CHANUNAVAIL");
            CallTeardown.hangUp(core, call, leg, HangupCause.NORMAL_CLEARING);
            return;
        }
        DialString agent = endpoint.get();
        String name = core.nextChannelName(agent.technology(), agent.resource());
        Channel front;
        Channel back = null;
        if (agent.isLocal()) {
            front = create(name + ";1", ChannelState.DOWN, agent.context(), agent.exten());
            back = create(name + ";2", ChannelState.RING, agent.context(), agent.exten());
            front.pairWith(back);
            core.emit(CallEvents.newchannel(front));
            core.emit(CallEvents.newchannel(back));
            // both halves announce the debtor as caller and connected line (ami-run1.log, t=5.51)
            presentDebtor(front);
            core.emit(CallEvents.newCallerid(front));
            core.emit(CallEvents.newConnectedLine(front));
            presentDebtor(back);
            core.emit(CallEvents.newCallerid(back));
            core.emit(CallEvents.newConnectedLine(back));
            core.emit(CallEvents.localBridge(front, back));
        } else {
            front = create(name, ChannelState.DOWN, "default", "s");
            core.emit(CallEvents.newchannel(front));
            presentDebtor(front);
            core.emit(CallEvents.newConnectedLine(front));
        }
        call.agentLegs(front, back);
        core.emit(CallEvents.dialBegin(leg, front, agent.resource()));
        if (back != null) {
            step(back, 1, "NoOp", "Agent " + agent.exten() + " picks up");
        }

        Duration delay = core.agentAnswerDelay();
        if (delay.isZero()) {
            answer();
            return;
        }
        if (!agent.isLocal()) {
            // a phone rings; a Local agent's dialplan answers without Ringing(), so it reports no
            // ringing at all, as in the capture
            front.state(ChannelState.RINGING);
            core.emit(CallEvents.newstate(front));
            core.emit(CallEvents.dialState(leg, front, "RINGING"));
        }
        call.dialplanTimer(core.schedule(delay, this::answer));
    }

    private void answer() {
        if (call.ended() || !call.agentRinging()) {
            return;
        }
        Channel front = call.agentFront().orElseThrow();
        Optional<Channel> back = call.agentBack();
        back.ifPresent(b -> {
            step(b, 2, "Answer", "");
            b.state(ChannelState.UP);
            core.emit(CallEvents.newstate(b));
        });
        front.state(ChannelState.UP);
        core.emit(CallEvents.newstate(front));
        call.agentAnswered();
        core.setVariable(leg, "DIALSTATUS", "ANSWER");
        core.emit(CallEvents.dialEnd(leg, front, "ANSWER"));

        Bridge bridge = new Bridge(UUID.randomUUID().toString());
        call.bridge(bridge);
        core.emit(CallEvents.bridgeCreate(bridge));
        if (back.isPresent()) {
            // the capture shows the agent's ;1 back in AppDial with an empty Exten when it bridges
            front.dialplan(front.context(), "", 1, "AppDial", "(Outgoing Line)");
            core.emit(CallEvents.newexten(front));
        }
        bridge.enter(front);
        core.emit(CallEvents.bridgeEnter(bridge, front));
        bridge.enter(leg);
        core.emit(CallEvents.bridgeEnter(bridge, leg));
        core.setVariable(front, "BRIDGEPEER", leg.name());
        core.setVariable(leg, "BRIDGEPEER", front.name());
    }

    private Channel create(String name, ChannelState state, String context, String exten) {
        return core.createChannel(name, Optional.empty(), leg.linkedId(), state, context, exten, call,
                new ChannelVariables());
    }

    /**
     * The agent sees the debtor's leg as caller, as in the capture: number = the extension the
     * leg runs (e.g. {@code agent}), name and connected line = the Originate's CallerID.
     */
    private void presentDebtor(Channel agentChannel) {
        agentChannel.callerId(leg.exten(), leg.callerIdName());
        agentChannel.connectedLine(leg.callerIdNum(), leg.callerIdName());
    }

    private void step(Channel channel, int priority, String application, String data) {
        channel.dialplan(channel.context(), channel.exten(), priority, application, data);
        core.emit(CallEvents.newexten(channel));
    }
}
