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
 * @param afterPartialPayment after part of the debt was paid during the call: long enough for the
 *                            payment to clear and the CRM to book it (what is due is then lower),
 *                            short enough to arrange the rest while the debtor is willing
 * @param afterThirdParty     after someone else answered and took a message: the debtor lives
 *                            there but was out at that hour, so the next try is at another time of
 *                            day, sooner than after a refusal (nobody has said no) and later than
 *                            the no-contact cadence (the message needs time to reach the debtor)
 * @param maxAttemptsPerCase  beyond this many dials the case is closed as exhausted
 */
public record RetrySchedule(Map<CallResult, Duration> afterResult, Duration afterRefusal, Duration afterNoContact,
                            Duration afterWrongParty, Duration afterPartialPayment, Duration afterThirdParty,
                            LocalTime promiseFollowUpAt, int maxAttemptsPerCase)
        implements Serializable {

    /**
     * Why a case the debtor paid off during the call is held: nothing is left to collect, but the
     * money has not reached the creditor yet (a card payment may be declined, a transfer may never
     * be sent). The CRM's payment update closes the case; a newer version of it (the payment
     * failed) puts it back in the queue. A closed case could not come back that way.
     */
    public static final String PAID_AWAITING_CRM = "PAID_IN_FULL_AWAITING_CRM";

    public RetrySchedule {
        afterResult = Map.copyOf(afterResult);
        requirePositive(afterRefusal, "afterRefusal");
        requirePositive(afterNoContact, "afterNoContact");
        requirePositive(afterWrongParty, "afterWrongParty");
        requirePositive(afterPartialPayment, "afterPartialPayment");
        requirePositive(afterThirdParty, "afterThirdParty");
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
        // A third party: a day and three hours later, so the same hour is not tried twice running.
        return new RetrySchedule(byResult, Duration.ofDays(3), Duration.ofHours(4), Duration.ofMinutes(1),
                Duration.ofDays(14), Duration.ofHours(27), LocalTime.of(10, 0), 30);
    }

    public RetrySchedule withAfterResult(CallResult result, Duration delay) {
        Map<CallResult, Duration> copy = new EnumMap<>(CallResult.class);
        copy.putAll(afterResult);
        copy.put(result, delay);
        return new RetrySchedule(copy, afterRefusal, afterNoContact, afterWrongParty, afterPartialPayment,
                afterThirdParty, promiseFollowUpAt, maxAttemptsPerCase);
    }

    public RetrySchedule withMaxAttempts(int attempts) {
        return new RetrySchedule(afterResult, afterRefusal, afterNoContact, afterWrongParty, afterPartialPayment,
                afterThirdParty, promiseFollowUpAt, attempts);
    }

    public RetrySchedule withAfterPartialPayment(Duration delay) {
        return new RetrySchedule(afterResult, afterRefusal, afterNoContact, afterWrongParty, delay, afterThirdParty,
                promiseFollowUpAt, maxAttemptsPerCase);
    }

    public RetrySchedule withAfterThirdParty(Duration delay) {
        return new RetrySchedule(afterResult, afterRefusal, afterNoContact, afterWrongParty, afterPartialPayment, delay,
                promiseFollowUpAt, maxAttemptsPerCase);
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
        if (disposition instanceof Disposition.PaymentTaken payment && payment.amount().compareTo(aCase.totalDue()) >= 0) {
            return new NextStep.Hold(PAID_AWAITING_CRM);
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
        if (disposition instanceof Disposition.PaymentTaken) {
            return new NextStep.Retry(recordedAt.plus(afterPartialPayment), "partial payment: the rest to arrange", false);
        }
        if (disposition instanceof Disposition.ThirdParty) {
            return new NextStep.Retry(recordedAt.plus(afterThirdParty), "third party took a message", false);
        }
        return new NextStep.Retry(recordedAt.plus(afterNoContact), "no contact", false);
    }

    private static void requirePositive(Duration delay, String field) {
        Objects.requireNonNull(delay, field);
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration, not " + delay);
        }
    }
}
