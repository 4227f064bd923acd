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
 * Originate has failed, or, once answered, when the debtor leg hangs up; a Hangup seen before the
 * OriginateResponse only lends its cause.
 */
public final class LiveCall {

    /** What the dialer must do after a signal. */
    public enum Step { NOTHING, CONNECTED_TO_AGENT, ENDED }

    private final String attemptId;
    private final Case aCase;
    private final String phoneNumber;
    private Optional<Agent> agent;
    private final Instant dialedAt;

    private Optional<Instant> answeredAt = Optional.empty();
    private Optional<Instant> bridgedAt = Optional.empty();
    private Optional<Instant> endedAt = Optional.empty();
    private Optional<Integer> originateReason = Optional.empty();
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

    public boolean answered() {
        return answeredAt.isPresent();
    }

    public Optional<Instant> answeredAt() {
        return answeredAt;
    }

    public Optional<Instant> bridgedAt() {
        return bridgedAt;
    }

    public Step apply(CallSignal signal, Instant now) {
        if (endedAt.isPresent()) {
            return Step.NOTHING;
        }
        // Java 17: no pattern matching for switch yet, so the sealed set is walked by instanceof.
        if (signal instanceof CallSignal.OriginateFinished f) {
            return originateFinished(f, now);
        } else if (signal instanceof CallSignal.Bridged) {
            return bridged(now);
        } else if (signal instanceof CallSignal.HungUp h) {
            return hungUp(h, now);
        } else if (signal instanceof CallSignal.Rejected) {
            return end(OriginateReason.FAILED, now);
        }
        return Step.NOTHING;
    }

    private Step originateFinished(CallSignal.OriginateFinished f, Instant now) {
        originateReason = Optional.of(f.reason());
        if (f.reason() != OriginateReason.ANSWERED) {
            return end(f.reason(), now);
        }
        answeredAt = Optional.of(now);
        debtorChannel = f.channel();
        // A debtor who hung up in the instant between answering and our hearing of it.
        return debtorLegHungUp ? end(f.reason(), now) : Step.NOTHING;
    }

    private Step bridged(Instant now) {
        if (bridgedAt.isPresent()) {
            return Step.NOTHING;
        }
        bridgedAt = Optional.of(now);
        if (answeredAt.isEmpty()) {
            // The bridge proves the answer even if the OriginateResponse is still on its way.
            answeredAt = Optional.of(now);
        }
        return Step.CONNECTED_TO_AGENT;
    }

    private Step hungUp(CallSignal.HungUp h, Instant now) {
        debtorLegHungUp = true;
        if (h.cause() != 0) {
            hangupCause = h.cause();
        }
        return answeredAt.isPresent() ? end(OriginateReason.ANSWERED, now) : Step.NOTHING;
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
        return new CallAttempt(attemptId, aCase.caseId(), aCase.campaignId(), phoneNumber,
                bridgedAt.isPresent() ? agent.map(Agent::agentId) : Optional.empty(),
                dialedAt, answeredAt, endedAt.orElseThrow(), result(), hangupCause);
    }

    public CallResult result() {
        if (answeredAt.isPresent()) {
            // Answered but never bridged: the debtor heard no agent, which the law counts as abandoned.
            return bridgedAt.isPresent() ? CallResult.ANSWERED : CallResult.ABANDONED;
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
