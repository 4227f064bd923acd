package dev.collector.domain.casework;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.Outcome;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * The cases a CRM has handed over, per campaign, and their way through the dialer: waiting (best
 * first), leased to one dialer for one call, scheduled for a retry, held, or closed. Implemented
 * over Hazelcast in the case-queue module; every call is asynchronous so that an event loop may
 * use it.
 */
public interface CallList {

    /**
     * Accepts a case or a newer version of it. A new case waits in its campaign's queue; a known
     * one keeps its place in the flow (a leased case stays leased) but is ranked anew.
     */
    CompletionStage<Void> admit(Case aCase);

    /**
     * Admits many cases at once, much faster than one by one (a CRM's bulk load). Cases of equal
     * rank queue in list order. A case older than the version held ({@link Case#mayReplace}) is
     * refused and the held one stays. Case ids must be distinct.
     *
     * @return one admission per case, in list order
     */
    default CompletionStage<List<Admission>> admitAll(List<Case> cases) {
        return admitAll(cases, held -> true);
    }

    /**
     * {@link #admitAll(List)}, replacing a held case only when {@code mayReplaceHeld} accepts the
     * version held (e.g. it belongs to the submitting tenant); the others are
     * {@link Admission.HeldElsewhere}.
     */
    default CompletionStage<List<Admission>> admitAll(List<Case> cases, Predicate<Case> mayReplaceHeld) {
        CompletableFuture<List<Admission>> chain =
                CompletableFuture.completedFuture(new ArrayList<>());
        for (Case aCase : cases) {
            chain = chain.thenCompose(done -> admit(aCase).thenApply(ignored -> {
                done.add(new Admission.Admitted(aCase.caseId(), false));
                return done;
            }));
        }
        return chain.thenApply(List::copyOf);
    }

    /**
     * Leases the best waiting case the compliance guard allows to be called now, on the number it
     * chose. The attempt is counted against the debtor's contact limits from this moment. Cases
     * the guard refuses on the way are rescheduled or held, never lost.
     */
    CompletionStage<Optional<DialLease>> leaseNext(String campaignId);

    /** The leased case could not be dialed after all (no agent, PBX down): it waits again. */
    CompletionStage<Void> notDialed(DialLease lease);

    /**
     * The call ended. Unless the debtor talked to an agent, the case is scheduled for its next
     * attempt now; otherwise it stays leased until the agent's disposition arrives.
     */
    CompletionStage<Void> callEnded(DialLease lease, CallAttempt attempt);

    /** The agent's disposition decides what happens to the case next (retry, promise follow-up, close). */
    CompletionStage<Void> dispositionRecorded(Outcome outcome);

    /**
     * Not before this time (the debtor promised the CRM directly, a payment is on its way): a
     * waiting or scheduled case waits until then; a case in a call or on hold is left as it is.
     *
     * @return whether the case was postponed
     */
    CompletionStage<Boolean> postpone(String caseId, java.time.Instant until, String reason);

    /** The CRM withdrew the case: it is never dialed again (a call in progress finishes). */
    CompletionStage<Void> cancel(String caseId, String reason);

    /** The case as last admitted, whatever its state. */
    CompletionStage<Optional<Case>> find(String caseId);

    /** How many cases of the campaign wait to be dialed now. */
    CompletionStage<Integer> waiting(String campaignId);
}
