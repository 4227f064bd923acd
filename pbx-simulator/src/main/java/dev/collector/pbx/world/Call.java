package dev.collector.pbx.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Stream;

/**
 * One originated call and everything it grew: the debtor's Local channel pair, the agent's
 * channel(s) once the answered leg dials out, the bridge between them, and the timers that move
 * it on. Only the world thread touches a call.
 */
final class Call {

    enum Phase { DIALING, ANSWERED, ENDED }

    private final OriginateRequest request;
    private final DebtorReaction reaction;
    private final OriginateListener listener;
    private final List<ScheduledFuture<?>> debtorTimers = new ArrayList<>();
    private final List<ScheduledFuture<?>> dialplanTimers = new ArrayList<>();

    private Phase phase = Phase.DIALING;
    /** The dialled channel, {@code ;1}: the one the dialer knows, which runs Context/Exten. */
    private Channel debtorOne;
    /** {@code ;2}: the debtor's phone, running the {@code [debtors]} dialplan. */
    private Channel debtorTwo;
    /** The agent channel the debtor's leg dials ({@code ;1} of a Local agent, or the PJSIP channel). */
    private Channel agentFront;
    /** {@code ;2} of a Local agent; absent for a PJSIP agent. */
    private Channel agentBack;
    private boolean agentAnswered;
    private Bridge bridge;

    Call(OriginateRequest request, DebtorReaction reaction, OriginateListener listener) {
        this.request = request;
        this.reaction = reaction;
        this.listener = listener;
    }

    OriginateRequest request() {
        return request;
    }

    DebtorReaction reaction() {
        return reaction;
    }

    OriginateListener listener() {
        return listener;
    }

    Phase phase() {
        return phase;
    }

    void phase(Phase newPhase) {
        this.phase = newPhase;
    }

    boolean ended() {
        return phase == Phase.ENDED;
    }

    Channel debtorOne() {
        return debtorOne;
    }

    Channel debtorTwo() {
        return debtorTwo;
    }

    void debtorLegs(Channel one, Channel two) {
        this.debtorOne = one;
        this.debtorTwo = two;
    }

    Optional<Channel> agentFront() {
        return Optional.ofNullable(agentFront);
    }

    Optional<Channel> agentBack() {
        return Optional.ofNullable(agentBack);
    }

    void agentLegs(Channel front, Channel back) {
        this.agentFront = front;
        this.agentBack = back;
        this.agentAnswered = false;
    }

    void forgetAgent() {
        this.agentFront = null;
        this.agentBack = null;
        this.agentAnswered = false;
    }

    /** True while the debtor's leg is still waiting for the agent to pick up. */
    boolean agentRinging() {
        return agentFront != null && !agentAnswered;
    }

    void agentAnswered() {
        this.agentAnswered = true;
    }

    Optional<Bridge> bridge() {
        return Optional.ofNullable(bridge);
    }

    void bridge(Bridge newBridge) {
        this.bridge = newBridge;
    }

    boolean isDebtorLeg(Channel channel) {
        return channel == debtorOne || channel == debtorTwo;
    }

    /** Every channel of the call that has not hung up yet. */
    List<Channel> liveChannels() {
        return Stream.of(debtorOne, debtorTwo, agentFront, agentBack)
                .filter(c -> c != null && !c.isHungUp())
                .toList();
    }

    /** Timers of the debtor's phone: ring, answer, the timeout, the end of the talk. */
    void debtorTimer(ScheduledFuture<?> timer) {
        debtorTimers.add(timer);
    }

    /** Timers of the answered leg's dialplan: Wait(30), AMD, the agent picking up. */
    void dialplanTimer(ScheduledFuture<?> timer) {
        dialplanTimers.add(timer);
    }

    void cancelDialplanTimers() {
        dialplanTimers.forEach(t -> t.cancel(false));
        dialplanTimers.clear();
    }

    void cancelDebtorTimers() {
        debtorTimers.forEach(t -> t.cancel(false));
        debtorTimers.clear();
    }
}
