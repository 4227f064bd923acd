package dev.collector.app.strategies;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.casework.Admission;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.DialLease;
import dev.collector.domain.outcome.Outcome;
import dev.collector.strategies.dialing.QueuePriority;
import dev.collector.strategies.segmentation.Resegmenting;
import dev.collector.strategies.segmentation.StrategyAssignment;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * The call list as the CRM bridge changes it: each case admitted or updated, paid, promised
 * elsewhere, is segmented again once the change is made. A case is admitted with the queue
 * priority of its stage's call action ({@link QueuePriority}): its fresh assignment for a bulk load
 * (one that is not new is ranked again once segmented), the one in force for a single case.
 * Dial-side calls pass through untouched.
 */
final class SegmentingCallList implements CallList {

    /** The reasons crm-bridge gives (its {@code Payment.PAID_IN_FULL}, {@code PromiseElsewhere}). */
    static final String PAID_IN_FULL = "paid in full";
    static final String PROMISE_ELSEWHERE = "promise made elsewhere";

    private final CallList callList;
    private final StrategyRecording recording;
    private final Clock clock;
    private final Resegmenting resegmenting;
    /** Where the assignment in force is read (a blocking map read): never a Hazelcast or event-loop thread. */
    private final java.util.concurrent.Executor worker;

    SegmentingCallList(CallList callList, StrategyRecording recording, Resegmenting resegmenting,
            java.util.concurrent.Executor worker, Clock clock) {
        this.callList = callList;
        this.worker = worker;
        this.resegmenting = resegmenting;
        this.recording = recording;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> admit(Case aCase) {
        // the version held before tells a payment (the case owes less) from another change
        return callList.find(aCase.caseId()).thenComposeAsync(before -> {
            Case ranked = QueueSteering.prioritized(aCase, resegmenting.currentOf(aCase));
            return callList.admit(ranked).thenApply(done -> {
                recording.admitted(ranked, before);
                return done;
            });
        }, worker);
    }

    @Override
    public CompletionStage<List<Admission>> admitAll(List<Case> cases) {
        return admitAll(cases, held -> true);
    }

    @Override
    public CompletionStage<List<Admission>> admitAll(List<Case> cases, Predicate<Case> mayReplaceHeld) {
        Map<String, StrategyAssignment> fresh = new HashMap<>();
        List<Case> ranked = new java.util.ArrayList<>(cases.size());
        for (Case aCase : cases) {
            StrategyAssignment assignment = resegmenting.freshOf(aCase);   // pure: no lookup per case
            fresh.put(aCase.caseId(), assignment);
            ranked.add(QueueSteering.prioritized(aCase, assignment));
        }
        return callList.admitAll(ranked, mayReplaceHeld)
                .thenApply(admissions -> segmentAdmitted(ranked, fresh, admissions));
    }

    private List<Admission> segmentAdmitted(List<Case> cases, Map<String, StrategyAssignment> fresh,
            List<Admission> admissions) {
        Map<String, Case> byId = new HashMap<>();
        for (Case aCase : cases) {
            byId.put(aCase.caseId(), aCase);
        }
        for (Admission admission : admissions) {
            StrategyAssignment assignment = fresh.get(admission.caseId());
            if (admission instanceof Admission.Admitted admitted && admitted.isNew()) {
                Case aCase = byId.get(admission.caseId());
                if (assignment.hasFollowUpActions() && aCase != null) {
                    // its first stage sends something (an SMS, a letter): stored like any stage
                    // change, which is what hands the stage's actions to follow-ups
                    recording.admitted(aCase, Optional.empty());
                } else {
                    recording.admittedNew(admission.caseId(), assignment);
                }
            }
            // A new case whose first stage only calls needs nothing stored: its assignment is a
            // function of the case and a fresh course, computed when asked (Resegmenting.current).
            // Storing one per case of a nightly load would double the load's writes to the grid and
            // to Cassandra.
            if (admission instanceof Admission.Admitted admitted && !admitted.isNew()) {
                Case aCase = byId.get(admission.caseId());
                if (aCase != null) {
                    recording.admitted(aCase, Optional.empty());
                }
            }
        }
        return admissions;
    }

    @Override
    public CompletionStage<Boolean> postpone(String caseId, Instant until, String reason) {
        return callList.postpone(caseId, until, reason).thenApply(postponed -> {
            if (reason.startsWith(PROMISE_ELSEWHERE)) {
                recording.promiseElsewhere(caseId);
            }
            return postponed;
        });
    }

    @Override
    public CompletionStage<Void> cancel(String caseId, String reason) {
        if (!reason.equals(PAID_IN_FULL)) {
            return callList.cancel(caseId, reason);
        }
        return callList.find(caseId).thenCompose(before -> callList.cancel(caseId, reason).thenApply(done -> {
            before.ifPresent(aCase -> recording.paidInFull(aCase, clock.instant()));
            return done;
        }));
    }

    @Override
    public CompletionStage<Optional<DialLease>> leaseNext(String campaignId) {
        return callList.leaseNext(campaignId);
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
    public CompletionStage<Optional<Case>> find(String caseId) {
        return callList.find(caseId);
    }

    @Override
    public CompletionStage<Integer> waiting(String campaignId) {
        return callList.waiting(campaignId);
    }
}
