package dev.collector.pbx.world;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * The originate and the debtor's phone: makes the Local channel pair, rings, and answers,
 * rejects or times out, following the capture's {@code [debtors]} dialplan on {@code ;2}:
 *
 * <pre>
 *  1 NoOp(Debtor N rolling outcome)
 *  8 noanswer:   Ringing, 9 Wait(600)                   -> the Originate timeout ends it
 * 11 answer:     Ringing, 12 Wait(ring), 13 Answer, 14 PlayTones, 15 Wait(talk), 16 Hangup(16)
 * 17 machine:    Ringing, 18 Wait(ring), 19 Answer, 20 PlayTones, 21 Wait(message), 22 Hangup(16)
 * 23 busy:       Busy(5)        -> ;1 hangs up with cause 0, ;2 with 17, Reason 5
 * 25 congestion: Congestion(5)  -> ;1 hangs up with cause 0, ;2 with 34, Reason 8
 * </pre>
 */
final class DebtorLeg {

    private static final String HUMAN_TONES = "!300/600,0/1000";
    private static final String MACHINE_TONES =
            "!250/450,!0/120,!260/450,!0/120,!270/450,!0/120,!280/450,!0/120,!290/450,!0/120,!300/450,0/1000";

    private final PbxCore core;
    private final Call call;

    DebtorLeg(PbxCore core, Call call) {
        this.core = core;
        this.call = call;
    }

    void dial(DialString destination) {
        OriginateRequest request = call.request();
        String name = core.nextChannelName("Local", destination.resource());
        Optional<String> otherId = request.otherChannelId().or(() -> request.channelId().map(id -> id + ";2"));
        ChannelVariables variables = new ChannelVariables(request.variables());
        Channel one = core.createChannel(name + ";1", request.channelId(), null, ChannelState.DOWN,
                destination.context(), destination.exten(), call, variables.copy());
        Channel two = core.createChannel(name + ";2", otherId, one.uniqueId(), ChannelState.RING,
                destination.context(), destination.exten(), call, variables.copy());
        one.pairWith(two);
        one.accountCode(request.account());
        two.accountCode(request.account());
        call.debtorLegs(one, two);

        core.emit(CallEvents.newchannel(one));
        core.emit(CallEvents.newchannel(two));
        step(one, 1, "AppDial2", "(Outgoing Line)");
        announceVariablesAndCallerId(one, request);
        announceVariablesAndCallerId(two, request);
        core.emit(CallEvents.localBridge(one, two));
        core.emit(CallEvents.dialBegin(null, one, destination.resource()));
        step(two, 1, "NoOp", "Debtor " + destination.exten() + " rolling outcome");

        DebtorReaction reaction = call.reaction();
        call.debtorTimer(core.schedule(request.timeout(), this::ringingTimedOut));
        switch (reaction.outcome()) {
            case ANSWER -> ringThenAnswer(11, reaction.ringTime());
            case MACHINE -> ringThenAnswer(17, reaction.ringTime());
            case NO_ANSWER -> ring(8, "600");
            case BUSY, CONGESTION -> call.debtorTimer(core.schedule(reaction.signallingDelay(), this::reject));
        }
    }

    private void announceVariablesAndCallerId(Channel channel, OriginateRequest request) {
        request.variables().forEach((variable, value) -> core.emit(CallEvents.varSet(channel, variable, value)));
        if (request.callerIdNum().isPresent() || request.callerIdName().isPresent()) {
            String num = request.callerIdNum().orElse(null);
            String name = request.callerIdName().orElse(null);
            channel.callerId(num, name);
            core.emit(CallEvents.newCallerid(channel));
            channel.connectedLine(num, name);
            core.emit(CallEvents.newConnectedLine(channel));
        }
    }

    private void ringThenAnswer(int priority, Duration ringTime) {
        ring(priority, seconds(ringTime));
        if (ringTime.compareTo(call.request().timeout()) < 0) {
            call.debtorTimer(core.schedule(ringTime, this::answer));
        }
    }

    private void ring(int priority, String waitSeconds) {
        Channel one = call.debtorOne();
        step(call.debtorTwo(), priority, "Ringing", "");
        one.state(ChannelState.RINGING);
        core.emit(CallEvents.newstate(one));
        core.emit(CallEvents.dialState(null, one, "RINGING"));
        step(call.debtorTwo(), priority + 1, "Wait", waitSeconds);
    }

    private void answer() {
        if (call.phase() != Call.Phase.DIALING) {
            return;
        }
        call.cancelDebtorTimers();
        call.phase(Call.Phase.ANSWERED);
        Channel one = call.debtorOne();
        Channel two = call.debtorTwo();
        boolean machine = call.reaction().outcome() == CallOutcome.MACHINE;
        int priority = machine ? 19 : 13;
        step(two, priority, "Answer", "");
        two.state(ChannelState.UP);
        one.state(ChannelState.UP);
        (machine ? core.counters().machine : core.counters().answered).incrementAndGet();
        if (call.request().async()) {
            core.emit(CallEvents.originateResponse(call.request(), one, OriginateReason.ANSWERED));
        } else {
            call.listener().answered();
        }
        core.emit(CallEvents.newstate(two));
        core.emit(CallEvents.newstate(one));
        core.emit(CallEvents.dialEnd(null, one, "ANSWER"));

        new ConnectDialplan(core, call).start();
        if (call.ended()) {
            return; // the connect dialplan already hung up, e.g. an unusable agent endpoint
        }

        Duration talk = call.reaction().talkTime();
        step(two, priority + 1, "PlayTones", machine ? MACHINE_TONES : HUMAN_TONES);
        step(two, priority + 2, "Wait", seconds(talk));
        call.debtorTimer(core.schedule(talk, () -> hangUpAfterTalking(priority + 3)));
    }

    private void hangUpAfterTalking(int priority) {
        if (call.ended()) {
            return;
        }
        step(call.debtorTwo(), priority, "Hangup", "16");
        CallTeardown.hangUp(core, call, call.debtorTwo(), HangupCause.NORMAL_CLEARING);
    }

    /** The Originate's Timeout ran out while it rang: Reason 3, cause 19 on both legs. */
    private void ringingTimedOut() {
        if (call.phase() != Call.Phase.DIALING) {
            return;
        }
        Channel one = call.debtorOne();
        Channel two = call.debtorTwo();
        core.counters().noAnswer.incrementAndGet();
        core.emit(CallEvents.hangupRequest(two, HangupCause.NO_ANSWER));
        core.reportFailure(call.request(), call.listener(), OriginateReason.RINGING);
        CallTeardown.hangUpChannel(core, call, one, HangupCause.NO_ANSWER);
        core.emit(CallEvents.softHangupRequest(two, HangupCause.NORMAL_CLEARING));
        CallTeardown.hangUpChannel(core, call, two, HangupCause.NO_ANSWER);
        CallTeardown.finish(core, call);
    }

    /** Busy() or Congestion() on the debtor's phone. */
    private void reject() {
        if (call.phase() != Call.Phase.DIALING) {
            return;
        }
        boolean busy = call.reaction().outcome() == CallOutcome.BUSY;
        Channel one = call.debtorOne();
        Channel two = call.debtorTwo();
        step(two, busy ? 23 : 25, busy ? "Busy" : "Congestion", "5");
        two.state(ChannelState.BUSY);
        core.emit(CallEvents.newstate(two));
        core.emit(CallEvents.dialEnd(null, one, busy ? "BUSY" : "CONGESTION"));
        core.emit(CallEvents.hangupRequest(two, HangupCause.UNKNOWN));
        (busy ? core.counters().busy : core.counters().congestion).incrementAndGet();
        if (busy) {
            core.emit(CallEvents.softHangupRequest(two, HangupCause.NORMAL_CLEARING));
            CallTeardown.hangUpChannel(core, call, one, HangupCause.UNKNOWN);
            CallTeardown.hangUpChannel(core, call, two, HangupCause.USER_BUSY);
            core.reportFailure(call.request(), call.listener(), OriginateReason.BUSY);
        } else {
            // congestion tears down in another order (ami-run1.log, t=0.91): ;1 goes first, and the
            // OriginateResponse comes before ;2's Hangup
            CallTeardown.hangUpChannel(core, call, one, HangupCause.UNKNOWN);
            core.emit(CallEvents.softHangupRequest(two, HangupCause.NORMAL_CLEARING));
            core.reportFailure(call.request(), call.listener(), OriginateReason.CONGESTION);
            CallTeardown.hangUpChannel(core, call, two, HangupCause.CONGESTION);
        }
        CallTeardown.finish(core, call);
    }

    private void step(Channel channel, int priority, String application, String data) {
        channel.dialplan(channel.context(), channel.exten(), priority, application, data);
        core.emit(CallEvents.newexten(channel));
    }

    /** Seconds as the dialplan would write them: {@code 5}, {@code 2.5}. */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
