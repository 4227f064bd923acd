package dev.collector.pbx.world;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the answered debtor leg ({@code ;1}) does with the Originate's Context/Exten, the
 * project's version of the capture's {@code [connect]}:
 *
 * <ul>
 *   <li>with {@code AGENT_ENDPOINT=Local/101@agents} (or {@code PJSIP/agent-17}), or the capture's
 *       {@code AGENT=101} meaning {@code Local/101@agents}: Dial the agent and bridge on answer;
 *   <li>without either: {@code Wait(30)}, then Hangup (the dialer may Redirect it meanwhile);
 *   <li>Exten {@code amd}: answering-machine detection first, reported as
 *       {@code UserEvent: AMDResult}; a machine is hung up, a person goes on as above.
 * </ul>
 * The context name is not checked: any context behaves like {@code connect}. An Originate with
 * Application instead of Exten is treated like an Exten without those variables, or with them.
 */
final class ConnectDialplan {

    static final String AGENT_ENDPOINT = "AGENT_ENDPOINT";
    static final String AGENT = "AGENT";

    /** Asterisk's AMD() took about two seconds in the capture, for a person and a machine alike. */
    static final Duration AMD_TIME = Duration.ofSeconds(2);
    static final Duration PARK_TIME = Duration.ofSeconds(30);

    private final PbxCore core;
    private final Call call;
    private final Channel leg;

    ConnectDialplan(PbxCore core, Call call) {
        this.core = core;
        this.call = call;
        this.leg = call.debtorOne();
    }

    void start() {
        OriginateRequest request = call.request();
        run(request.context(), request.exten());
    }

    /** Leaves whatever the leg was doing (waiting, detecting, talking to an agent) and runs anew. */
    void redirect(String context, String exten, int priority) {
        call.cancelDialplanTimers();
        call.agentFront().filter(agent -> !agent.isHungUp()).ifPresent(agent -> {
            if (call.agentRinging()) {
                core.emit(CallEvents.dialEnd(leg, agent, "CANCEL"));
            }
            CallTeardown.leaveBridge(core, call, leg);
            CallTeardown.hangUpSide(core, call, agent);
        });
        call.forgetAgent();
        leg.dialplan(context, exten, Math.max(priority, 1), leg.application(), leg.applicationData());
        run(context, exten);
    }

    private void run(String context, String exten) {
        if (exten.equalsIgnoreCase("amd")) {
            detectMachine(context, exten);
        } else {
            dialAgentOrWait(context, exten);
        }
    }

    private void dialAgentOrWait(String context, String exten) {
        Optional<String> endpoint = agentEndpoint();
        if (endpoint.isPresent()) {
            step(context, exten, 1, "NoOp", "Debtor answered, connecting to agent " + endpoint.get());
            step(context, exten, 2, "Dial", endpoint.get() + ",20");
            new AgentDial(core, call).dial(endpoint.get());
            return;
        }
        step(context, exten, 1, "Wait", DebtorLeg.seconds(PARK_TIME));
        call.dialplanTimer(core.schedule(PARK_TIME, () -> {
            if (!call.ended()) {
                step(context, exten, 2, "Hangup", "");
                CallTeardown.hangUp(core, call, leg, HangupCause.NORMAL_CLEARING);
            }
        }));
    }

    private void detectMachine(String context, String exten) {
        step(context, exten, 1, "AMD", "");
        call.dialplanTimer(core.schedule(AMD_TIME, () -> {
            if (call.ended()) {
                return;
            }
            boolean machine = call.reaction().outcome() == CallOutcome.MACHINE;
            String status = machine ? "MACHINE" : "HUMAN";
            String cause = machine ? "MAXWORDS-3-2" : "HUMAN-800-800";
            core.setVariable(leg, "AMDSTATUS", status);
            core.setVariable(leg, "AMDCAUSE", cause);
            step(context, exten, 2, "UserEvent", "AMDResult,Status: " + status + ",Cause: " + cause);
            Map<String, String> result = new LinkedHashMap<>();
            result.put("Status", status);
            result.put("Cause", cause);
            core.emit(CallEvents.userEvent(leg, "AMDResult", result));
            if (machine) {
                step(context, exten, 5, "Hangup", "");
                CallTeardown.hangUp(core, call, leg, HangupCause.NORMAL_CLEARING);
            } else {
                dialAgentOrWait(context, "agent");
            }
        }));
    }

    private Optional<String> agentEndpoint() {
        ChannelVariables variables = leg.variables();
        return variables.get(AGENT_ENDPOINT)
                .or(() -> variables.get(AGENT).map(agent -> "Local/" + agent + "@agents"));
    }

    private void step(String context, String exten, int priority, String application, String data) {
        leg.dialplan(context, exten, priority, application, data);
        core.emit(CallEvents.newexten(leg));
    }
}
