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
 *   <li>Exten {@code amd}: answering-machine detection first ({@code AMD()}, right as often as the
 *       debtors' AMD accuracy says), reported as VarSet {@code AMDSTATUS}/{@code AMDCAUSE} (and,
 *       outside the {@code collector-} contexts, the capture's {@code UserEvent: AMDResult}); a person
 *       goes on as above; a machine is hung up, or with {@code MACHINE_POLICY=message} gets
 *       {@code MACHINE_MESSAGE} played, or with {@code MACHINE_POLICY=agent} goes on as a person;
 *   <li>a context whose name contains {@code hold} (the shipped {@code collector-hold}), without
 *       those variables: {@code Wait} for {@link #HOLD_FALLBACK} of real time (the dialer's 2-second
 *       rule is real time, so this wait is not scaled), then on to the safe-harbour message, unless
 *       the dialer redirects the leg first;
 *   <li>a context whose name contains {@code safe-harbour} (the shipped {@code collector-safe-harbour}):
 *       {@code Playback(${SAFE_HARBOUR_MESSAGE})} for {@link #MESSAGE_TIME}, then {@code Hangup()}
 *       with cause 16, as the dialplan in docker/asterisk does.
 * </ul>
 * Other context names are not checked: any context behaves like {@code connect}. An Originate with
 * Application instead of Exten is treated like an Exten without those variables, or with them.
 */
final class ConnectDialplan {

    static final String AGENT_ENDPOINT = "AGENT_ENDPOINT";
    static final String AGENT = "AGENT";

    /** Asterisk's AMD() took about two seconds in the capture, for a person and a machine alike. */
    static final Duration AMD_TIME = Duration.ofSeconds(2);
    static final Duration PARK_TIME = Duration.ofSeconds(30);
    /** A safe-harbour message naming the creditor and a number to call back takes about this long. */
    static final Duration MESSAGE_TIME = Duration.ofSeconds(8);
    /** The shipped hold context's own limit, for a dialer that never redirects: later than its 2 s. */
    static final Duration HOLD_FALLBACK = Duration.ofSeconds(3);
    static final String SAFE_HARBOUR_MESSAGE = "SAFE_HARBOUR_MESSAGE";
    /** What the campaign wants done with a machine: {@code hangup} (default), {@code message}, {@code agent}. */
    static final String MACHINE_POLICY = "MACHINE_POLICY";
    static final String MACHINE_MESSAGE = "MACHINE_MESSAGE";

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
        if (context.toLowerCase(java.util.Locale.ROOT).contains("safe-harbour")) {
            playSafeHarbourMessage(context, exten);
        } else if (exten.equalsIgnoreCase("amd")) {
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
        if (context.toLowerCase(java.util.Locale.ROOT).contains("hold")) {
            step(context, exten, 1, "NoOp", "debtor answered, waiting for an agent");
            step(context, exten, 2, "Wait", DebtorLeg.seconds(HOLD_FALLBACK));
            call.dialplanTimer(core.scheduleUnscaled(HOLD_FALLBACK, () -> {
                if (!call.ended()) {
                    step(context, exten, 3, "Goto", "collector-safe-harbour,message,1");
                    leg.dialplan("collector-safe-harbour", "message", 1, leg.application(), leg.applicationData());
                    playSafeHarbourMessage("collector-safe-harbour", "message");
                }
            }));
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

    private void playSafeHarbourMessage(String context, String exten) {
        String message = leg.variables().get(SAFE_HARBOUR_MESSAGE).orElse("collector/safe-harbour");
        step(context, exten, 1, "NoOp", "no agent in time, safe-harbour message");
        step(context, exten, 2, "Playback", message);
        core.counters().safeHarbourMessages.incrementAndGet();
        call.dialplanTimer(core.schedule(MESSAGE_TIME, () -> {
            if (!call.ended()) {
                step(context, exten, 3, "Hangup", "16");
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
            boolean reallyMachine = call.reaction().outcome() == CallOutcome.MACHINE;
            boolean machine = call.reaction().amdRight() == reallyMachine;
            String status = machine ? "MACHINE" : "HUMAN";
            String cause = machine ? "MAXWORDS-3-2" : "HUMAN-800-800";
            // AMD() sets these two channel variables; Asterisk reports each as a VarSet event
            core.setVariable(leg, "AMDSTATUS", status);
            core.setVariable(leg, "AMDCAUSE", cause);
            if (!context.startsWith("collector-")) {
                // the capture's [connect] amd extension also raises a UserEvent; ours does not
                step(context, exten, 2, "UserEvent", "AMDResult,Status: " + status + ",Cause: " + cause);
                Map<String, String> result = new LinkedHashMap<>();
                result.put("Status", status);
                result.put("Cause", cause);
                core.emit(CallEvents.userEvent(leg, "AMDResult", result));
            }
            if (!machine) {
                dialAgentOrWait(context, "agent");
                return;
            }
            String policy = leg.variables().get(MACHINE_POLICY).orElse("hangup").toLowerCase(java.util.Locale.ROOT);
            if (policy.equals("agent")) {
                dialAgentOrWait(context, "agent");
            } else if (policy.equals("message")) {
                leaveMessage(context, exten);
            } else {
                step(context, exten, 5, "Hangup", "");
                CallTeardown.hangUp(core, call, leg, HangupCause.NORMAL_CLEARING);
            }
        }));
    }

    /** The shipped dialplan's machine extension: wait for the beep, play the campaign's message, hang up. */
    private void leaveMessage(String context, String exten) {
        String message = leg.variables().get(MACHINE_MESSAGE).orElse("collector/machine-message");
        step(context, exten, 6, "WaitForSilence", "1500,1,10");
        step(context, exten, 7, "Playback", message);
        core.counters().machineMessages.incrementAndGet();
        call.dialplanTimer(core.schedule(MESSAGE_TIME, () -> {
            if (!call.ended()) {
                step(context, exten, 8, "Hangup", "16");
                CallTeardown.hangUp(core, call, leg, HangupCause.NORMAL_CLEARING);
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
