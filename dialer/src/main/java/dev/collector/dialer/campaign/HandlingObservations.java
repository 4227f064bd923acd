package dev.collector.dialer.campaign;

import dev.collector.dialer.call.LiveCall;
import dev.collector.routing.roster.AgentState;
import dev.collector.routing.roster.AgentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * What the live calls have shown so far: talk and wrap-up times, time to a person's answer and the
 * human answer rate. Fed by the dialer's event loop, read when the pacing state is built. The two
 * estimates the benchmark showed are easy to get wrong are taken as docs/pacing.md says: talk time
 * counts the time already spent in ongoing conversations (short ones end first), and the answer rate
 * is measured only on calls placed at least a ring-out ago, whose outcomes are all known.
 */
final class HandlingObservations {

    /** Priors, each worth one observation, so the first minutes are not paced on nothing. */
    private static final double PRIOR_TALK_SECONDS = 120;
    private static final double PRIOR_WRAP_UP_SECONDS = 20;
    private static final double PRIOR_RING_TO_ANSWER_SECONDS = 10;
    private static final int ANSWER_RATE_SAMPLE = 400;

    private final Duration ringOut;
    private double talkSum;
    private long talkCount;
    private double wrapUpSum;
    private long wrapUpCount;
    private double ringToAnswerSum;
    private long ringToAnswerCount;
    /** Calls placed less than a ring-out ago whose outcome may still change the rate. */
    private final Deque<Resolved> pending = new ArrayDeque<>();
    private final Deque<Boolean> sample = new ArrayDeque<>();
    private int humansInSample;
    private final Map<String, Instant> wrapUpSince = new HashMap<>();

    private record Resolved(Instant dialedAt, boolean person) {
    }

    HandlingObservations(Duration ringOut) {
        this.ringOut = ringOut;
    }

    /** A person answered (a call that is still going on counts now, not when it ends). */
    void answered(LiveCall call, Instant at) {
        ringToAnswerSum += Duration.between(call.dialedAt(), at).toMillis() / 1000.0;
        ringToAnswerCount++;
        resolved(call.dialedAt(), true);
    }

    void ended(LiveCall call, Instant at) {
        if (!call.answered()) {
            resolved(call.dialedAt(), false);
        }
        call.bridgedAt().ifPresent(bridged -> {
            talkSum += Duration.between(bridged, at).toMillis() / 1000.0;
            talkCount++;
        });
    }

    /** Wrap-up is read off the roster: from entering WRAP_UP to the next state. */
    void agentChanged(AgentStatus status) {
        if (status.state() == AgentState.WRAP_UP) {
            wrapUpSince.put(status.agentId(), status.since());
            return;
        }
        Instant started = wrapUpSince.remove(status.agentId());
        if (started != null) {
            wrapUpSum += Duration.between(started, status.since()).toMillis() / 1000.0;
            wrapUpCount++;
        }
    }

    /** Mean talk, counting the seconds already spent in the conversations going on now. */
    Duration meanTalk(Collection<LiveCall> live, Instant now) {
        double ongoing = 0;
        for (LiveCall call : live) {
            if (call.bridgedAt().isPresent()) {
                ongoing += Duration.between(call.bridgedAt().get(), now).toMillis() / 1000.0;
            }
        }
        return seconds((PRIOR_TALK_SECONDS + talkSum + ongoing) / (1 + talkCount));
    }

    Duration meanWrapUp() {
        return seconds((PRIOR_WRAP_UP_SECONDS + wrapUpSum) / (1 + wrapUpCount));
    }

    Duration meanRingToAnswer() {
        return seconds(Math.max(0.5, (PRIOR_RING_TO_ANSWER_SECONDS + ringToAnswerSum) / (1 + ringToAnswerCount)));
    }

    /** Share of calls placed at least a ring-out ago that a person answered; 0 before any. */
    double humanAnswerRate(Instant now) {
        admitSettled(now);
        return sample.isEmpty() ? 0 : humansInSample / (double) sample.size();
    }

    long answerSampleSize(Instant now) {
        admitSettled(now);
        return sample.size();
    }

    private void resolved(Instant dialedAt, boolean person) {
        pending.addLast(new Resolved(dialedAt, person));
    }

    private void admitSettled(Instant now) {
        Instant settledBefore = now.minus(ringOut);
        // outcomes arrive out of dialing order; a call is admitted once it was placed a ring-out ago
        pending.removeIf(r -> {
            if (r.dialedAt().isAfter(settledBefore)) {
                return false;
            }
            sample.addLast(r.person());
            humansInSample += r.person() ? 1 : 0;
            if (sample.size() > ANSWER_RATE_SAMPLE) {
                humansInSample -= sample.removeFirst() ? 1 : 0;
            }
            return true;
        });
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
