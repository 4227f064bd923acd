package dev.collector.dialer.call;

import dev.collector.domain.agent.Agent;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Case;
import java.time.Instant;
import java.util.Optional;

/**
 * One call in flight, from Originate to the debtor's hang-up, driven by {@link CallSignal}s.
 *
 * <p>AMI events of one call do not come in one fixed order: on busy the debtor leg's Hangup
 * arrives before the OriginateResponse, on congestion after it. So the call ends when the
 * Originate has failed, or, once picked up, when the debtor leg hangs up; a Hangup seen before the
 * OriginateResponse only lends its cause.
 *
 * <p>With answering-machine detection ({@link #detectMachines}) a pick-up is not yet an answer: the
 * call is answered, and the 2-second rule starts, when AMD() says a person (or a machine the
 * campaign passes to agents) is there. A machine that is hung up on or left a message ends as
 * NO_ANSWER: nobody was reached, nothing was abandoned.
 */
public final class LiveCall {

    /** What the dialer must do after a signal. */
    public enum Step { NOTHING, CONNECTED_TO_AGENT, ENDED }

    private final String attemptId;
    private final Case aCase;
    private final String phoneNumber;
    private Optional<Agent> agent;
    private final Instant dialedAt;

    private boolean detectsMachines;
    private boolean machinesToAgents;
    private Optional<Instant> ringingAt = Optional.empty();
    private Optional<Instant> pickedUpAt = Optional.empty();
    private Optional<Instant> answeredAt = Optional.empty();
    private Optional<Boolean> machine = Optional.empty();
    private Optional<Instant> bridgedAt = Optional.empty();
    private Optional<Instant> endedAt = Optional.empty();
    private Optional<Integer> originateReason = Optional.empty();
    private Optional<String> dialStatus = Optional.empty();
    private int hangupCause;
    private boolean debtorLegHungUp;
    private String debtorChannel = "";

    /** A call placed for an agent reserved before dialing (preview, progressive). */
    public LiveCall(String attemptId, Case aCase, String phoneNumber, Agent agent, Instant dialedAt) {
        this(attemptId, aCase, phoneNumber, Optional.of(agent), dialedAt);
    }

    private LiveCall(String attemptId, Case aCase, String phoneNumber, Optional<Agent> agent, Instant dialedAt) {
        this.attemptId = attemptId;
        this.aCase = aCase;
        this.phoneNumber = phoneNumber;
        this.agent = agent;
        this.dialedAt = dialedAt;
    }

    /** A call placed ahead of the agents (power, predictive): an agent is chosen once a person answers. */
    public static LiveCall withoutAgent(String attemptId, Case aCase, String phoneNumber, Instant dialedAt) {
        return new LiveCall(attemptId, aCase, phoneNumber, Optional.empty(), dialedAt);
    }

    /**
     * The call was originated into the dialplan's AMD extension: a pick-up waits for the verdict.
     * Set before the first signal.
     */
    public LiveCall detectMachines(MachinePolicy policy) {
        this.detectsMachines = true;
        this.machinesToAgents = policy == MachinePolicy.PASS_TO_AGENT;
        return this;
    }

    /** The agent chosen for the answered debtor; the bridge that follows connects them. */
    public void assign(Agent chosen) {
        if (agent.isPresent()) {
            throw new IllegalStateException("attempt " + attemptId + " already has agent " + agent.get().agentId());
        }
        agent = Optional.of(chosen);
    }

    /** Answered by a person who has no agent yet (the 2-second rule runs). */
    public boolean waitsForAgent() {
        return answeredAt.isPresent() && bridgedAt.isEmpty() && endedAt.isEmpty();
    }

    /** Answered by a person, or by a machine the campaign passes to agents. */
    public boolean answered() {
        return answeredAt.isPresent();
    }

    public Optional<Instant> answeredAt() {
        return answeredAt;
    }

    public Optional<Instant> bridgedAt() {
        return bridgedAt;
    }

    /** Whether AMD said the answer was a machine; empty without a verdict. */
    public Optional<Boolean> answeredByMachine() {
        return machine;
    }

    public CallState state() {
        if (endedAt.isPresent()) {
            return CallState.ENDED;
        }
        if (bridgedAt.isPresent()) {
            return CallState.CONNECTED_TO_AGENT;
        }
        if (machine.orElse(false) && !machinesToAgents) {
            return CallState.ANSWERED_BY_MACHINE;
        }
        if (answeredAt.isPresent()) {
            return CallState.ANSWERED_BY_PERSON;
        }
        if (pickedUpAt.isPresent()) {
            return CallState.DETECTING_MACHINE;
        }
        return ringingAt.isPresent() ? CallState.RINGING : CallState.DIALING;
    }

    public Step apply(CallSignal signal, Instant now) {
        if (endedAt.isPresent()) {
            return Step.NOTHING;
        }
        // Java 17: no pattern matching for switch yet, so the sealed set is walked by instanceof.
        if (signal instanceof CallSignal.OriginateFinished f) {
            return originateFinished(f, now);
        } else if (signal instanceof CallSignal.Ringing) {
            ringingAt = ringingAt.or(() -> Optional.of(now));
        } else if (signal instanceof CallSignal.DialEnded d) {
            dialStatus = Optional.of(d.dialStatus());
        } else if (signal instanceof CallSignal.MachineDetection m) {
            machineDetected(m, now);
        } else if (signal instanceof CallSignal.Bridged) {
            return bridged(now);
        } else if (signal instanceof CallSignal.HungUp h) {
            return hungUp(h, now);
        } else if (signal instanceof CallSignal.Rejected) {
            return end(OriginateReason.FAILED, now);
        } else if (signal instanceof CallSignal.Vanished) {
            return vanished(now);
        }
        return Step.NOTHING;
    }

    private Step originateFinished(CallSignal.OriginateFinished f, Instant now) {
        originateReason = Optional.of(f.reason());
        if (f.reason() != OriginateReason.ANSWERED) {
            return end(f.reason(), now);
        }
        pickedUpAt = pickedUpAt.or(() -> Optional.of(now));
        if (!detectsMachines) {
            answeredAt = answeredAt.or(() -> Optional.of(now));
        }
        debtorChannel = f.channel();
        // A debtor who hung up in the instant between answering and our hearing of it.
        return debtorLegHungUp ? end(f.reason(), now) : Step.NOTHING;
    }

    private void machineDetected(CallSignal.MachineDetection m, Instant now) {
        if (machine.isPresent()) {
            return;
        }
        machine = Optional.of(m.machine());
        // NOTSURE goes to an agent: hanging up on a person would be an abandoned call
        if (!m.machine() || machinesToAgents) {
            answeredAt = answeredAt.or(() -> Optional.of(now));
        }
    }

    private Step bridged(Instant now) {
        if (bridgedAt.isPresent()) {
            return Step.NOTHING;
        }
        bridgedAt = Optional.of(now);
        // The bridge proves the answer even if the OriginateResponse is still on its way.
        pickedUpAt = pickedUpAt.or(() -> Optional.of(now));
        answeredAt = answeredAt.or(() -> Optional.of(now));
        return Step.CONNECTED_TO_AGENT;
    }

    private Step hungUp(CallSignal.HungUp h, Instant now) {
        debtorLegHungUp = true;
        if (h.cause() != 0) {
            hangupCause = h.cause();
        }
        return pickedUpAt.isPresent() ? end(OriginateReason.ANSWERED, now) : Step.NOTHING;
    }

    /** Ended while the AMI session was down: what the events we did see say is all there is. */
    private Step vanished(Instant now) {
        if (pickedUpAt.isPresent()) {
            return end(OriginateReason.ANSWERED, now);
        }
        int reason = dialStatus.map(LiveCall::reasonOfDialStatus).orElse(OriginateReason.FAILED);
        originateReason = Optional.of(reason);
        return end(reason, now);
    }

    private static int reasonOfDialStatus(String status) {
        switch (status.toUpperCase(java.util.Locale.ROOT)) {
            case "BUSY":
                return OriginateReason.BUSY;
            case "CONGESTION":
                return OriginateReason.CONGESTION;
            case "NOANSWER":
                return OriginateReason.RING_TIMEOUT;
            default:
                return OriginateReason.FAILED;
        }
    }

    private Step end(int reason, Instant now) {
        if (hangupCause == 0) {
            hangupCause = OriginateReason.causeOf(reason);
        }
        endedAt = Optional.of(now);
        return Step.ENDED;
    }

    /** The attempt as it is to be recorded; only meaningful once ended. */
    public CallAttempt toAttempt() {
        CallResult result = result();
        Optional<Instant> answered = result.reachedDebtor() ? answeredAt.or(() -> pickedUpAt) : Optional.empty();
        return new CallAttempt(attemptId, aCase.caseId(), aCase.campaignId(), phoneNumber,
                bridgedAt.isPresent() ? agent.map(Agent::agentId) : Optional.empty(),
                dialedAt, answered, endedAt.orElseThrow(), result, hangupCause);
    }

    public CallResult result() {
        if (bridgedAt.isPresent()) {
            return CallResult.ANSWERED;
        }
        if (pickedUpAt.isPresent()) {
            if (machine.orElse(false)) {
                // a machine nobody talked to: not reached, not abandoned; tried again later
                return CallResult.MACHINE;
            }
            // Answered but never bridged: the debtor heard no agent, which the law counts as
            // abandoned; so does one who hung up during AMD, since it may have been a person.
            return CallResult.ABANDONED;
        }
        return OriginateReason.failureResult(originateReason.orElse(OriginateReason.FAILED));
    }

    public boolean wasConnectedToAgent() {
        return bridgedAt.isPresent();
    }

    public boolean ended() {
        return endedAt.isPresent();
    }

    public String attemptId() {
        return attemptId;
    }

    public Case aCase() {
        return aCase;
    }

    public Optional<Agent> agent() {
        return agent;
    }

    public String phoneNumber() {
        return phoneNumber;
    }

    public Instant dialedAt() {
        return dialedAt;
    }

    public String debtorChannel() {
        return debtorChannel;
    }
}
