package dev.collector.casequeue.retry;

import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Case;
import dev.collector.domain.outcome.Disposition;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * When a case is called again, by what happened. Busy lines clear quickly, unanswered phones are
 * better tried at another time of day; a promise is followed up the day after it falls due. The
 * compliance guard has the last word: a retry falling outside the calling window or over a
 * contact limit is pushed back when it comes up.
 *
 * @param maxAttemptsPerCase beyond this many dials the case is closed as exhausted
 */
public record RetrySchedule(Map<CallResult, Duration> afterResult, Duration afterRefusal, Duration afterNoContact,
                            Duration afterWrongParty, LocalTime promiseFollowUpAt, int maxAttemptsPerCase)
        implements Serializable {

    public RetrySchedule {
        afterResult = Map.copyOf(afterResult);
        Objects.requireNonNull(afterRefusal, "afterRefusal");
        Objects.requireNonNull(afterNoContact, "afterNoContact");
        Objects.requireNonNull(afterWrongParty, "afterWrongParty");
        Objects.requireNonNull(promiseFollowUpAt, "promiseFollowUpAt");
        if (maxAttemptsPerCase < 1) {
            throw new IllegalArgumentException("maxAttemptsPerCase must be at least 1");
        }
    }

    public static RetrySchedule standard() {
        Map<CallResult, Duration> byResult = new EnumMap<>(CallResult.class);
        byResult.put(CallResult.BUSY, Duration.ofMinutes(20));
        byResult.put(CallResult.NO_ANSWER, Duration.ofHours(3));
        // a machine: the debtor is out as surely as when nobody answers
        byResult.put(CallResult.MACHINE, Duration.ofHours(3));
        byResult.put(CallResult.CONGESTION, Duration.ofMinutes(10));
        byResult.put(CallResult.FAILED, Duration.ofMinutes(30));
        // The debtor heard silence: the abandon lockout decides when this number may ring again.
        byResult.put(CallResult.ABANDONED, Duration.ofHours(1));
        byResult.put(CallResult.ANSWERED, Duration.ofHours(4));
        return new RetrySchedule(byResult, Duration.ofDays(3), Duration.ofHours(4), Duration.ofMinutes(1),
                LocalTime.of(10, 0), 30);
    }

    public RetrySchedule withAfterResult(CallResult result, Duration delay) {
        Map<CallResult, Duration> copy = new EnumMap<>(CallResult.class);
        copy.putAll(afterResult);
        copy.put(result, delay);
        return new RetrySchedule(copy, afterRefusal, afterNoContact, afterWrongParty, promiseFollowUpAt, maxAttemptsPerCase);
    }

    public RetrySchedule withMaxAttempts(int attempts) {
        return new RetrySchedule(afterResult, afterRefusal, afterNoContact, afterWrongParty, promiseFollowUpAt, attempts);
    }

    /** After a call that did not reach an agent (or reached one who will not dispose of it). */
    public NextStep afterCall(int attemptsSoFar, CallResult result, Instant endedAt) {
        if (attemptsSoFar >= maxAttemptsPerCase) {
            return new NextStep.Close("attempts exhausted (" + attemptsSoFar + ")");
        }
        Duration delay = afterResult.getOrDefault(result, Duration.ofHours(1));
        return new NextStep.Retry(endedAt.plus(delay), "retry after " + result, false);
    }

    /** After the agent's disposition of a conversation. */
    public NextStep afterDisposition(Case aCase, int attemptsSoFar, Disposition disposition, Instant recordedAt) {
        if (disposition instanceof Disposition.PromiseToPay promise) {
            // Checked the day after it falls due, in the debtor's morning: kept or broken.
            Instant followUp = promise.promisedFor().plusDays(1).atTime(promiseFollowUpAt)
                    .atZone(aCase.timeZone()).toInstant();
            return new NextStep.Retry(followUp, "promise follow-up", false);
        }
        if (disposition instanceof Disposition.CallbackRequested callback) {
            // The debtor's own appointment: kept even beyond the attempt budget.
            return new NextStep.Retry(callback.at(), "callback requested", true);
        }
        if (disposition instanceof Disposition.Disputed) {
            return new NextStep.Hold("DISPUTE_OPEN");
        }
        if (attemptsSoFar >= maxAttemptsPerCase) {
            return new NextStep.Close("attempts exhausted (" + attemptsSoFar + ")");
        }
        if (disposition instanceof Disposition.Refused) {
            return new NextStep.Retry(recordedAt.plus(afterRefusal), "refused to pay", false);
        }
        if (disposition instanceof Disposition.WrongParty) {
            return new NextStep.Retry(recordedAt.plus(afterWrongParty), "wrong party: next number", false);
        }
        return new NextStep.Retry(recordedAt.plus(afterNoContact), "no contact", false);
    }
}
