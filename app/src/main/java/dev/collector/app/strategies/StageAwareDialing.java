package dev.collector.app.strategies;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.casework.Admission;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.DialLease;
import dev.collector.domain.outcome.Outcome;
import dev.collector.strategies.segmentation.Resegmenting;
import dev.collector.strategies.segmentation.StrategyAssignment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call list as the dialer sees it: a leased case whose strategy stage has no call is given back
 * undialed (its attempt withdrawn) and parked until its stage calls again; the next case is leased
 * instead. A callback the debtor asked for is made whatever the stage. The check runs on every lease because a case may come due (a retry, a promise's
 * follow-up) in a stage without a call, which nothing else would notice in time.
 */
final class StageAwareDialing implements CallList {

    private static final Logger log = LoggerFactory.getLogger(StageAwareDialing.class);
    /** Cases given back per lease asked for, at most: a queue full of parked cases must not spin. */
    static final int GIVE_BACKS_PER_LEASE = 20;

    private final CallList callList;
    private final Resegmenting resegmenting;
    private final QueueSteering steering;
    private final Executor worker;

    StageAwareDialing(CallList callList, Resegmenting resegmenting, QueueSteering steering, Executor worker) {
        this.callList = callList;
        this.resegmenting = resegmenting;
        this.steering = steering;
        this.worker = worker;
    }

    @Override
    public CompletionStage<Optional<DialLease>> leaseNext(String campaignId) {
        return leaseNext(campaignId, GIVE_BACKS_PER_LEASE);
    }

    private CompletionStage<Optional<DialLease>> leaseNext(String campaignId, int giveBacksLeft) {
        return callList.leaseNext(campaignId).thenComposeAsync(leased -> {
            if (leased.isEmpty()) {
                return CompletableFuture.completedFuture(leased);
            }
            DialLease lease = leased.get();
            StrategyAssignment inForce;
            try {
                inForce = resegmenting.currentOf(lease.aCase());
            } catch (RuntimeException e) {
                // the strategies cannot be read: dial as the call list decided rather than not at all
                log.warn("Strategy of case {} not read, dialed as queued: {}", lease.caseId(), e.toString());
                return CompletableFuture.completedFuture(leased);
            }
            if (inForce.call().isPresent() || Resegmenting.awaitsCallback(inForce)) {
                return CompletableFuture.completedFuture(leased);
            }
            log.debug("Case {} not dialed: stage {} of strategy {} has no call", lease.caseId(), inForce.situation(),
                    inForce.strategy());
            return callList.notDialed(lease)
                    .thenRunAsync(() -> steering.follow(lease.caseId(), inForce), worker)
                    .thenCompose(parked -> giveBacksLeft <= 1 ? CompletableFuture.completedFuture(Optional.empty())
                            : leaseNext(campaignId, giveBacksLeft - 1));
        }, worker);
    }

    @Override
    public CompletionStage<Void> admit(Case aCase) {
        return callList.admit(aCase);
    }

    @Override
    public CompletionStage<List<Admission>> admitAll(List<Case> cases) {
        return callList.admitAll(cases);
    }

    @Override
    public CompletionStage<List<Admission>> admitAll(List<Case> cases, Predicate<Case> mayReplaceHeld) {
        return callList.admitAll(cases, mayReplaceHeld);
    }

    @Override
    public CompletionStage<Void> notDialed(DialLease lease) {
        return callList.notDialed(lease);
    }

    @Override
    public CompletionStage<Void> callEnded(DialLease lease, CallAttempt attempt) {
        return callList.callEnded(lease, attempt);
    }

    @Override
    public CompletionStage<Void> dispositionRecorded(Outcome outcome) {
        return callList.dispositionRecorded(outcome);
    }

    @Override
    public CompletionStage<Boolean> postpone(String caseId, Instant until, String reason) {
        return callList.postpone(caseId, until, reason);
    }

    @Override
    public CompletionStage<Void> cancel(String caseId, String reason) {
        return callList.cancel(caseId, reason);
    }

    @Override
    public CompletionStage<Optional<Case>> find(String caseId) {
        return callList.find(caseId);
    }

    @Override
    public CompletionStage<Integer> waiting(String campaignId) {
        return callList.waiting(campaignId);
    }
}
