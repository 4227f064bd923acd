package dev.collector.strategies.segmentation;

import dev.collector.domain.casework.Case;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Segments a case again on every state change: admitted or updated by the CRM, an attempt, an
 * outcome, a payment, a promise made elsewhere or broken, a dispute opened or closed. Each change
 * moves the case's course on and assigns its strategy anew from the rules in force, and the new
 * assignment is kept beside the case.
 *
 * <p>Every member runs it (each for the events it sees), so two changes of one case may be computed
 * at once on two members. Each is kept only over the revision it was computed from
 * ({@link TrackedCases#replace}); the one that finds the case changed meanwhile reads it again and
 * applies its step to the newer course, so neither change is lost.
 */
public final class Resegmenting {

    /** Dispositions after which the debtor counts as reached. */
    private static final Set<String> REACHED = Set.of("PAYMENT_TAKEN", "REFUSED", "CALLBACK_REQUESTED",
            "CEASE_CONTACT");

    private final AssigningStrategy assigning;
    private final TrackedCases tracked;
    private final Function<String, Optional<Case>> cases;
    private final Predicate<String> debtorDisputes;
    /** The cause of the assignment a callback the debtor asked for leaves, until the next attempt. */
    static final String CALLBACK_CAUSE = "callback_requested";

    /**
     * Whether the debtor asked to be called back and has not been called since: a call promised to
     * him is made whatever the stage says.
     */
    public static boolean awaitsCallback(StrategyAssignment assignment) {
        return assignment.cause().equals(CALLBACK_CAUSE);
    }

    /** Changes of one case that keep colliding give up after this many tries (and say so). */
    static final int TRIES = 20;

    /** @param cases the case as the call list holds it now (blocking lookup) */
    public Resegmenting(AssigningStrategy assigning, TrackedCases tracked, Function<String, Optional<Case>> cases) {
        this(assigning, tracked, cases, debtorId -> false);
    }

    /**
     * @param debtorDisputes whether a debtor has a dispute open now (the hold on the debtor): what
     *                       the course of a case nothing was tracked for yet starts from
     */
    public Resegmenting(AssigningStrategy assigning, TrackedCases tracked, Function<String, Optional<Case>> cases,
            Predicate<String> debtorDisputes) {
        this.assigning = assigning;
        this.tracked = tracked;
        this.cases = cases;
        this.debtorDisputes = debtorDisputes;
    }


    /** A new case, or a new version of one (amount, numbers, flags changed). */
    public StrategyAssignment caseAdmitted(Case aCase, String cause) {
        for (int attempt = 1; ; attempt++) {
            Optional<TrackedCase> found = tracked.find(aCase.caseId());
            TrackedCase before = found.orElse(null);
            CaseCourse course = before == null ? CaseCourse.fresh(aCase.caseId()) : before.course();
            StrategyAssignment assignment = assigning.assign(aCase, course, cause);
            TrackedCase next = new TrackedCase(aCase.caseId(), aCase.debtor().debtorId(), aCase.campaignId(), course,
                    assignment, before == null ? "" : before.promiseAgent()).after(before);
            if (tracked.replace(found, next)) {
                return assignment;
            }
            giveUpAfter(attempt, aCase.caseId(), cause);
        }
    }

    private static void giveUpAfter(int attempt, String caseId, String cause) {
        if (attempt >= TRIES) {
            throw new IllegalStateException("case " + caseId + " changed " + TRIES + " times while its " + cause
                    + " was segmented: not segmented");
        }
    }

    public Optional<StrategyAssignment> attemptMade(String caseId, boolean reachedDebtor) {
        return change(caseId, c -> c.attempted(reachedDebtor), reachedDebtor ? "answered" : "not answered", null);
    }

    public Optional<StrategyAssignment> outcomeRecorded(Outcome outcome) {
        String code = outcome.disposition().code();
        if (outcome.disposition() instanceof Disposition.PromiseToPay) {
            return change(outcome.caseId(), CaseCourse::promised, "promise", outcome.agentId());
        }
        if (code.equals("DISPUTED")) {
            return change(outcome.caseId(), c -> c.disputed(true), "dispute", null);
        }
        if (REACHED.contains(code)) {
            return change(outcome.caseId(), CaseCourse::contacted, code.toLowerCase(java.util.Locale.ROOT), null);
        }
        return current(outcome.caseId()).map(TrackedCase::assignment);
    }

    public Optional<StrategyAssignment> paymentReported(String caseId, BigDecimal amount) {
        return change(caseId, c -> c.paid(amount), "payment", null);
    }

    public Optional<StrategyAssignment> promiseMadeElsewhere(String caseId) {
        return change(caseId, CaseCourse::promised, "promise to the creditor", null);
    }

    public Optional<StrategyAssignment> promiseBroken(String caseId) {
        return change(caseId, CaseCourse::promiseBroken, "promise broken", null);
    }

    /** A dispute placed on or lifted from the debtor: every tracked case of the debtor moves. */
    public List<StrategyAssignment> disputeChanged(String debtorId, boolean open) {
        List<StrategyAssignment> moved = new ArrayList<>();
        for (String caseId : tracked.casesOfDebtor(debtorId)) {
            change(caseId, c -> c.disputed(open), open ? "dispute opened" : "dispute closed", null).ifPresent(moved::add);
        }
        return moved;
    }

    /**
     * Time passed (the timeout of a state): days past due grew, so the case may belong to another
     * segment now although nothing happened to it.
     *
     * @return the new assignment if it differs from the one in force
     */
    public Optional<StrategyAssignment> timePassed(String caseId) {
        Optional<StrategyAssignment> before = current(caseId).map(TrackedCase::assignment);
        Optional<Case> aCase = cases.apply(caseId);
        if (before.isEmpty() || aCase.isEmpty()) {
            return Optional.empty();
        }
        StrategyAssignment now = assigning.assign(aCase.get(), tracked.find(caseId).orElseThrow().course(), "time passed");
        if (now.sameAs(before.get())) {
            return Optional.empty();
        }
        return change(caseId, c -> c, "time passed", null);
    }

    /**
     * The assignment in force for a case the caller holds (the dialer's lease): as tracked, or as a
     * case nothing happened to yet would have, without looking the case up.
     */
    public StrategyAssignment currentOf(Case aCase) {
        return tracked.find(aCase.caseId()).map(TrackedCase::assignment)
                .orElseGet(() -> assigning.assign(aCase, untrackedCourse(aCase), "admitted"));
    }

    /**
     * The assignment of a case nothing happened to yet, from the case alone (no lookup): what a bulk
     * load ranks its new cases by.
     */
    public StrategyAssignment freshOf(Case aCase) {
        return assigning.assign(aCase, CaseCourse.fresh(aCase.caseId()), "admitted");
    }

    /** The case's course and assignment: as tracked, or as a case nothing happened to yet would have. */
    public Optional<TrackedCase> current(String caseId) {
        Optional<TrackedCase> known = tracked.find(caseId);
        if (known.isPresent()) {
            return known;
        }
        return cases.apply(caseId).map(aCase -> {
            CaseCourse course = untrackedCourse(aCase);
            return new TrackedCase(caseId, aCase.debtor().debtorId(), aCase.campaignId(), course,
                    assigning.assign(aCase, course, "admitted"), "");
        });
    }

    /** The course of a case admitted in bulk and not tracked since: fresh, disputed if its debtor is. */
    private CaseCourse untrackedCourse(Case aCase) {
        CaseCourse fresh = CaseCourse.fresh(aCase.caseId());
        return debtorDisputes.test(aCase.debtor().debtorId()) ? fresh.disputed(true) : fresh;
    }

    /**
     * Moves the course on and assigns again. A case the call list no longer holds (closed, paid)
     * keeps its last assignment, its course still moved on (a payment on a closed case counts).
     */
    private Optional<StrategyAssignment> change(String caseId, UnaryOperator<CaseCourse> step, String cause,
            String promiseAgent) {
        Optional<Case> aCase = cases.apply(caseId);
        for (int attempt = 1; ; attempt++) {
            Optional<TrackedCase> found = tracked.find(caseId);
            TrackedCase before = found.orElse(null);
            if (before == null && aCase.isEmpty()) {
                return Optional.empty();
            }
            CaseCourse course = step.apply(before != null ? before.course()
                    : aCase.map(this::untrackedCourse).orElse(CaseCourse.fresh(caseId)));
            StrategyAssignment assignment = aCase.map(c -> assigning.assign(c, course, cause))
                    .orElseGet(() -> before.assignment());
            String agent = promiseAgent != null ? promiseAgent : before == null ? "" : before.promiseAgent();
            TrackedCase next = new TrackedCase(caseId,
                    aCase.map(c -> c.debtor().debtorId()).orElse(before == null ? "" : before.debtorId()),
                    aCase.map(Case::campaignId).orElse(before == null ? "" : before.campaignId()),
                    course, assignment, agent).after(before);
            if (tracked.replace(found, next)) {
                return Optional.ofNullable(assignment);
            }
            giveUpAfter(attempt, caseId, cause);
        }
    }
}
