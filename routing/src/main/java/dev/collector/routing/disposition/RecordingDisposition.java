package dev.collector.routing.disposition;

import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.CrmFeed;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.domain.outcome.PaymentChannel;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.AgentState;
import dev.collector.routing.roster.AgentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent records how a call went. The outcome is stored first and only then sent to the CRM and
 * the agent freed, so an outcome the CRM has seen is always one we keep. A death or a request to
 * cease contact also places its hold on the debtor before the agent is freed: once the agent sees
 * "saved", no channel (call, SMS, e-mail) reaches that debtor again until the CRM lifts it.
 */
public final class RecordingDisposition {

    private static final Logger log = LoggerFactory.getLogger(RecordingDisposition.class);

    /** How far ahead a debtor may ask to be called back; a later "callback" is a case for the CRM, not the dialer. */
    public static final Duration LONGEST_CALLBACK = Duration.ofDays(30);

    /** How far ahead a promise may fall due; a longer arrangement is an instalment plan, agreed with the CRM. */
    public static final java.time.Period LONGEST_PROMISE = java.time.Period.ofMonths(6);

    private final AgentRoster roster;
    private final CallList callList;
    private final ContactHistory history;
    private final CrmFeed crmFeed;
    private final ContactRestrictions restrictions;
    private final Clock clock;

    /** @param restrictions where the DECEASED and CEASE_CONTACT holds go (the call list's contact records) */
    public RecordingDisposition(AgentRoster roster, CallList callList, ContactHistory history, CrmFeed crmFeed,
                                ContactRestrictions restrictions, Clock clock) {
        this.roster = roster;
        this.callList = callList;
        this.history = history;
        this.crmFeed = crmFeed;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    /**
     * @throws DispositionRejected (as the stage's failure) when the agent is not on that call or
     *         the disposition does not fit the case
     */
    public CompletionStage<Outcome> record(String agentId, String attemptId, Disposition disposition, String notes) {
        AgentStatus status = roster.status(agentId).orElse(null);
        if (status == null) {
            return CompletableFuture.failedFuture(new DispositionRejected("agentId", "unknown agent"));
        }
        if (status.attemptId().filter(attemptId::equals).isEmpty()
                || (status.state() != AgentState.ON_CALL && status.state() != AgentState.WRAP_UP)) {
            return CompletableFuture.failedFuture(new DispositionRejected("attemptId", "this call is not yours to dispose"));
        }
        if (status.dispositionRecorded()) {
            return CompletableFuture.failedFuture(new DispositionRejected("attemptId", "this call already has its disposition"));
        }
        String caseId = status.assignment().orElseThrow().caseId();
        return callList.find(caseId).thenCompose(found -> {
            Case aCase = found.orElseThrow(() -> new DispositionRejected("attemptId", "the call's case is unknown"));
            check(disposition, notes == null ? "" : notes, aCase);
            Outcome outcome = new Outcome(attemptId, aCase.caseId(), aCase.campaignId(), aCase.debtor().debtorId(),
                    agentId, disposition, notes == null ? "" : notes, clock.instant());
            return history.recordOutcome(outcome).thenCompose(stored -> holdFor(outcome)).thenApply(done -> {
                crmFeed.outcomeRecorded(outcome);
                roster.dispositionRecorded(agentId);
                // The case's next step (retry, promise follow-up) follows; the agent need not wait for it.
                callList.dispositionRecorded(outcome).whenComplete((moved, failure) -> {
                    if (failure != null) {
                        log.error("Case {} not moved on after the disposition of {}", outcome.caseId(),
                                outcome.attemptId(), failure);
                    }
                });
                return outcome;
            });
        });
    }

    /** The debtor-wide hold the disposition calls for, placed before anyone is told it is saved. */
    private CompletionStage<Void> holdFor(Outcome outcome) {
        HoldReason reason;
        if (outcome.disposition() instanceof Disposition.Deceased) {
            reason = HoldReason.DECEASED;
        } else if (outcome.disposition() instanceof Disposition.CeaseContact) {
            reason = HoldReason.CEASE_CONTACT;
        } else {
            return CompletableFuture.completedFuture(null);
        }
        return restrictions.placeHold(outcome.debtorId(), new Hold(reason, outcome.debtorId(),
                "agent " + outcome.agentId(), outcome.recordedAt()));
    }

    private void check(Disposition disposition, String notes, Case aCase) {
        if (disposition instanceof Disposition.PromiseToPay promise) {
            if (promise.amount().compareTo(aCase.totalDue()) > 0) {
                throw new DispositionRejected("amount", "the promise exceeds the " + aCase.totalDue() + " owed");
            }
            LocalDate debtorToday = LocalDate.now(clock.withZone(aCase.timeZone()));
            if (promise.promisedFor().isBefore(debtorToday)) {
                throw new DispositionRejected("promisedFor", "the promised date is in the past");
            }
            if (promise.promisedFor().isAfter(debtorToday.plus(LONGEST_PROMISE))) {
                throw new DispositionRejected("promisedFor",
                        "the promised date is more than " + LONGEST_PROMISE.toTotalMonths() + " months away");
            }
            requireChannel(promise.channel());
        } else if (disposition instanceof Disposition.ThirdParty && notes.isBlank()) {
            throw new DispositionRejected("notes", "say who took the message and what was left");
        } else if (disposition instanceof Disposition.PaymentTaken payment) {
            if (payment.amount().compareTo(aCase.totalDue()) > 0) {
                throw new DispositionRejected("amount", "the payment exceeds the " + aCase.totalDue() + " owed");
            }
            requireChannel(payment.channel());
        } else if (disposition instanceof Disposition.CallbackRequested callback) {
            Instant now = clock.instant();
            if (!callback.at().isAfter(now)) {
                throw new DispositionRejected("callbackAt", "the callback time is not in the future");
            }
            if (callback.at().isAfter(now.plus(LONGEST_CALLBACK))) {
                throw new DispositionRejected("callbackAt",
                        "the callback is more than " + LONGEST_CALLBACK.toDays() + " days away");
            }
        }
    }

    private static void requireChannel(PaymentChannel channel) {
        if (!PaymentChannel.CHOOSABLE.contains(channel)) {
            throw new DispositionRejected("channel", "say how the debtor pays: one of " + PaymentChannel.CHOOSABLE);
        }
    }
}
