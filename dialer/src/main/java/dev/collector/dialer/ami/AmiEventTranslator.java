package dev.collector.dialer.ami;

import dev.collector.dialer.call.CallSignal;
import java.util.Optional;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.VarSetEvent;

/**
 * Turns the few AMI events a dialer needs into call signals keyed by attempt id. Every channel's
 * events are translated; the dialer keeps only those whose id is one of its calls (the agent's
 * leg and the Local ";2" half carry other ids and are dropped there).
 */
final class AmiEventTranslator {

    private static final int CHANNEL_STATE_RINGING = 5;
    /** Set by Asterisk's AMD() on the channel it listened to; Asterisk reports it as VarSet. */
    private static final String AMD_STATUS = "AMDSTATUS";

    private AmiEventTranslator() {
    }

    static Optional<CallSignal> translate(ManagerEvent event) {
        if (event instanceof OriginateResponseEvent response) {
            // matched by ActionID: a failed originate carries Uniqueid <unknown> unless ChannelId was set
            return Optional.ofNullable(response.getActionId()).map(id -> new CallSignal.OriginateFinished(
                    id, response.getReason() == null ? 0 : response.getReason(), nullToEmpty(response.getChannel())));
        }
        if (event instanceof NewStateEvent state && state.getChannelState() != null
                && state.getChannelState() == CHANNEL_STATE_RINGING) {
            return Optional.ofNullable(state.getUniqueId()).map(CallSignal.Ringing::new);
        }
        if (event instanceof DialEndEvent dialEnd) {
            // the originate's own dial has no caller: the debtor leg is the destination
            return Optional.ofNullable(dialEnd.getDestUniqueId()).filter(id -> dialEnd.getDialStatus() != null)
                    .map(id -> new CallSignal.DialEnded(id, dialEnd.getDialStatus()));
        }
        if (event instanceof VarSetEvent varSet && AMD_STATUS.equalsIgnoreCase(varSet.getVariable())) {
            return Optional.ofNullable(varSet.getUniqueId())
                    .map(id -> new CallSignal.MachineDetection(id, nullToEmpty(varSet.getValue())));
        }
        if (event instanceof BridgeEnterEvent enter) {
            return Optional.ofNullable(enter.getUniqueId()).map(CallSignal.Bridged::new);
        }
        if (event instanceof HangupEvent hangup) {
            return Optional.ofNullable(hangup.getUniqueId()).map(id ->
                    new CallSignal.HungUp(id, hangup.getCause() == null ? 0 : hangup.getCause()));
        }
        return Optional.empty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
