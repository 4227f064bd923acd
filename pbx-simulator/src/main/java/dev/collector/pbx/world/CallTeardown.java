package dev.collector.pbx.world;

import java.util.Optional;

/**
 * How a call ends once someone hangs up: the debtor after talking, the agent, the dialer with a
 * Hangup action, or the dialplan. The order follows the capture (ami-run1.log at t=9.01):
 *
 * <pre>
 * SoftHangupRequest X, HangupRequest X's Local partner, [BridgeLeave X], Hangup X,
 * [BridgeLeave partner], SoftHangupRequest partner, Hangup partner,
 * then the far side of the bridge: BridgeLeave, BridgeDestroy, HangupRequest, Hangup, ...
 * </pre>
 */
final class CallTeardown {

    private CallTeardown() {
    }

    static void hangUp(PbxCore core, Call call, Channel initiator, int cause) {
        if (call.ended() || initiator.isHungUp()) {
            return;
        }
        if (call.phase() == Call.Phase.DIALING) {
            cancelDial(core, call, initiator, cause);
            return;
        }
        Optional<Channel> partner = livePartner(initiator);
        core.emit(CallEvents.softHangupRequest(initiator, cause));
        partner.ifPresent(p -> core.emit(CallEvents.hangupRequest(p, cause)));
        if (call.agentRinging()) {
            // the answered leg was still dialling the agent: that Dial is abandoned
            core.emit(CallEvents.dialEnd(call.debtorOne(), call.agentFront().orElseThrow(), "CANCEL"));
        }
        boolean bridged = initiator.bridge().isPresent() || partner.flatMap(Channel::bridge).isPresent();
        if (!bridged && partner.isPresent()) {
            // a Local pair in no bridge (e.g. Hangup() after AMD found a machine, ami-run2.log t=5.86):
            // both halves are asked to hang up before either goes
            core.emit(CallEvents.softHangupRequest(partner.get(), cause));
            hangUpChannel(core, call, initiator, cause);
            hangUpChannel(core, call, partner.get(), cause);
        } else {
            leaveBridge(core, call, initiator);
            hangUpChannel(core, call, initiator, cause);
            partner.ifPresent(p -> {
                leaveBridge(core, call, p);
                core.emit(CallEvents.softHangupRequest(p, cause));
                hangUpChannel(core, call, p, cause);
            });
        }
        Optional<Channel> farSide = call.isDebtorLeg(initiator) ? call.agentFront() : Optional.of(call.debtorOne());
        farSide.filter(c -> !c.isHungUp()).ifPresent(front -> hangUpSide(core, call, front));
        finish(core, call);
    }

    /**
     * Hangs up one side of the bridge after its peer went: the front channel (the one in the
     * bridge, or being dialled) with Normal Clearing, and its Local partner behind it.
     */
    static void hangUpSide(PbxCore core, Call call, Channel front) {
        Optional<Channel> back = livePartner(front);
        leaveBridge(core, call, front);
        back.ifPresent(b -> core.emit(CallEvents.hangupRequest(b, HangupCause.NORMAL_CLEARING)));
        hangUpChannel(core, call, front, HangupCause.NORMAL_CLEARING);
        back.ifPresent(b -> {
            core.emit(CallEvents.softHangupRequest(b, HangupCause.NORMAL_CLEARING));
            hangUpChannel(core, call, b, HangupCause.NORMAL_CLEARING);
        });
    }

    /** BridgeLeave, and BridgeDestroy when the last member has left. */
    static void leaveBridge(PbxCore core, Call call, Channel channel) {
        channel.bridge().ifPresent(bridge -> {
            bridge.leave(channel);
            core.emit(CallEvents.bridgeLeave(bridge, channel));
            if (bridge.size() == 0) {
                core.emit(CallEvents.bridgeDestroy(bridge));
                call.bridge(null);
            }
        });
    }

    static void hangUpChannel(PbxCore core, Call call, Channel channel, int cause) {
        core.emit(CallEvents.hangup(channel, cause));
        core.destroyChannel(channel);
    }

    /** The call is over: no timer may move it any more. */
    static void finish(PbxCore core, Call call) {
        if (call.ended()) {
            return;
        }
        call.cancelDebtorTimers();
        call.cancelDialplanTimers();
        call.phase(Call.Phase.ENDED);
        core.counters().currentCalls.decrementAndGet();
    }

    /**
     * A Hangup action while the debtor's phone still rings: the originate fails with the reason
     * Asterisk derives from the cause (0 for the usual Normal Clearing).
     */
    private static void cancelDial(PbxCore core, Call call, Channel initiator, int cause) {
        Optional<Channel> partner = livePartner(initiator);
        core.emit(CallEvents.softHangupRequest(initiator, cause));
        partner.ifPresent(p -> core.emit(CallEvents.hangupRequest(p, cause)));
        core.emit(CallEvents.dialEnd(null, call.debtorOne(), "CANCEL"));
        hangUpChannel(core, call, initiator, cause);
        partner.ifPresent(p -> {
            core.emit(CallEvents.softHangupRequest(p, cause));
            hangUpChannel(core, call, p, cause);
        });
        core.counters().failed.incrementAndGet();
        core.reportFailure(call.request(), call.listener(), HangupCause.originateReason(cause));
        finish(core, call);
    }

    private static Optional<Channel> livePartner(Channel channel) {
        return channel.localPartner().filter(p -> !p.isHungUp());
    }
}
