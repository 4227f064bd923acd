package dev.collector.app.strategies;

import dev.collector.reports.ledger.CassandraReportLedger;
import dev.collector.reports.ledger.PaymentRow;
import dev.collector.reports.ledger.Tags;
import dev.collector.strategies.book.StrategyBook;
import dev.collector.strategies.segmentation.Resegmenting;
import dev.collector.strategies.segmentation.StrategyAssignment;
import dev.collector.strategies.segmentation.TrackedCase;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.casework.Case;
import dev.collector.domain.outcome.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every state change of a case, seen from the app's hooks: segments the case again and writes the
 * report row, tagged with the segment and strategy in force when the change happened (the strategy
 * that produced the outcome, not the one it leads to). All of it on one worker thread, in the
 * order the changes arrive, so two changes of a case never interleave and no caller waits.
 */
final class StrategyRecording {

    private static final Logger log = LoggerFactory.getLogger(StrategyRecording.class);

    private final Resegmenting resegmenting;
    private final CassandraReportLedger ledger;
    private final Supplier<StrategyBook> book;
    private final Function<String, String> teamOf;
    private final ExecutorService worker;
    /** Told every assignment a change led to: the call list follows the case's stage. */
    private final java.util.function.BiConsumer<String, StrategyAssignment> assigned;

    StrategyRecording(Resegmenting resegmenting, CassandraReportLedger ledger, Supplier<StrategyBook> book,
            Function<String, String> teamOf, ExecutorService worker,
            java.util.function.BiConsumer<String, StrategyAssignment> assigned) {
        this.resegmenting = resegmenting;
        this.assigned = assigned;
        this.ledger = ledger;
        this.book = book;
        this.teamOf = teamOf;
        this.worker = worker;
    }

    void admitted(Case aCase, Optional<Case> before) {
        run("admission of " + aCase.caseId(), () -> {
            if (before.isPresent() && before.get().currency().equals(aCase.currency())
                    && before.get().totalDue().compareTo(aCase.totalDue()) > 0) {
                // a partial payment reaches us as a newer version of the case owing less
                payment(aCase.caseId(), aCase.campaignId(), before.get().totalDue().subtract(aCase.totalDue()),
                        aCase.caseId() + "@" + aCase.receivedAt(), aCase.receivedAt());
            }
            assigned.accept(aCase.caseId(),
                    resegmenting.caseAdmitted(aCase, before.isPresent() ? "case updated" : "admitted"));
        });
    }

    /** A case admitted in bulk, ranked by its fresh assignment: parked if that stage has no call. */
    void admittedNew(String caseId, StrategyAssignment fresh) {
        if (fresh.call().isEmpty()) {
            run("admission of " + caseId, () -> assigned.accept(caseId, fresh));
        }
    }

    void paidInFull(Case aCase, Instant at) {
        run("payment on " + aCase.caseId(), () -> payment(aCase.caseId(), aCase.campaignId(), aCase.totalDue(),
                aCase.caseId() + "@paid-in-full", at));
    }

    void promiseElsewhere(String caseId) {
        run("promise on " + caseId, () -> follow(caseId, resegmenting.promiseMadeElsewhere(caseId)));
    }

    void promiseBroken(String caseId) {
        run("broken promise of " + caseId, () -> follow(caseId, resegmenting.promiseBroken(caseId)));
    }

    void dispute(String debtorId, boolean open) {
        run("dispute of debtor " + debtorId, () -> resegmenting.disputeChanged(debtorId, open)
                .forEach(a -> assigned.accept(a.caseId(), a)));
    }

    /** Days past due grow without any event: the case may have moved segment. */
    void timePassed(String caseId) {
        run("time check of " + caseId, () -> follow(caseId, resegmenting.timePassed(caseId)));
    }

    void attempt(CallAttempt attempt) {
        run("attempt " + attempt.attemptId(), () -> {
            Optional<StrategyAssignment> inForce = assignmentOf(attempt.caseId());
            Optional<StrategyAssignment> after = resegmenting.attemptMade(attempt.caseId(),
                    attempt.result().reachedDebtor());
            follow(attempt.caseId(), after);
            Optional<StrategyAssignment> tagging = inForce.isPresent() ? inForce : after;
            String agent = attempt.agentId().orElse("");
            ledger.recordAttempt(attempt, tags(tagging, agent, true)).whenComplete(this::logFailure);
        });
    }

    void outcome(Outcome outcome) {
        run("outcome " + outcome.attemptId(), () -> {
            Optional<StrategyAssignment> inForce = assignmentOf(outcome.caseId());
            Optional<StrategyAssignment> after = resegmenting.outcomeRecorded(outcome);
            follow(outcome.caseId(), after);
            ledger.recordOutcome(outcome, tags(inForce.isPresent() ? inForce : after, outcome.agentId(), false))
                    .whenComplete(this::logFailure);
        });
    }

    private void payment(String caseId, String campaignId, BigDecimal amount, String paymentId, Instant at) {
        Optional<TrackedCase> tracked = resegmenting.current(caseId);
        Optional<StrategyAssignment> inForce = tracked.map(TrackedCase::assignment);
        String agent = tracked.map(TrackedCase::promiseAgent).orElse("");
        Tags tags = tags(inForce, agent, false);
        ledger.recordPayment(new PaymentRow(paymentId, caseId, campaignId, agent, tags.team(), tags.segment(),
                tags.strategy(), tags.champion(), amount, at)).whenComplete(this::logFailure);
        follow(caseId, resegmenting.paymentReported(caseId, amount));
    }

    private void follow(String caseId, Optional<StrategyAssignment> assignment) {
        assignment.ifPresent(a -> assigned.accept(caseId, a));
    }

    private Optional<StrategyAssignment> assignmentOf(String caseId) {
        return resegmenting.current(caseId).map(TrackedCase::assignment);
    }

    private Tags tags(Optional<StrategyAssignment> assignment, String agent, boolean call) {
        String team = agent.isEmpty() ? "" : teamOf.apply(agent);
        if (assignment.isEmpty()) {
            return Tags.untagged(team, "CALL");
        }
        StrategyAssignment a = assignment.get();
        BigDecimal cost = call ? book.get().strategy(a.strategy()).map(s -> s.callCost(a.situation()))
                .orElse(BigDecimal.ZERO) : BigDecimal.ZERO;
        return new Tags(a.segment(), a.strategy(), a.champion(), team, "CALL", cost);
    }

    private void run(String what, Runnable step) {
        try {
            worker.execute(() -> {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    log.warn("Segmentation after the {} failed: {}", what, e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("Segmentation stopped: the {} is not segmented", what);
        }
    }

    private void logFailure(Void ignored, Throwable failure) {
        if (failure != null) {
            log.warn("A report row was not written: {}", failure.toString());
        }
    }
}
