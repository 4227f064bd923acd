package dev.collector.strategies.segmentation;

import dev.collector.strategies.book.CaseSituation;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What happened to a case so far, as far as segmentation cares: attempts, whether the debtor was
 * reached, promises made and broken, payments, a dispute. Each state change makes a new course (and
 * is a reason to segment the case again). Kept in a shared map beside the case, so it survives a
 * restart and every node sees the same.
 *
 * @param lastPromiseBroken the latest promise fell due unpaid and no promise or payment came since
 */
public record CaseCourse(
        String caseId,
        int attempts,
        boolean reached,
        int promises,
        int brokenPromises,
        boolean promiseOpen,
        boolean lastPromiseBroken,
        boolean disputed,
        BigDecimal collected) implements Serializable {

    public CaseCourse {
        Objects.requireNonNull(caseId, "caseId");
        collected = collected == null ? BigDecimal.ZERO : collected;
    }

    public static CaseCourse fresh(String caseId) {
        return new CaseCourse(caseId, 0, false, 0, 0, false, false, false, BigDecimal.ZERO);
    }

    public CaseCourse attempted(boolean reachedDebtor) {
        return new CaseCourse(caseId, attempts + 1, reached || reachedDebtor, promises, brokenPromises, promiseOpen,
                lastPromiseBroken, disputed, collected);
    }

    /** The debtor was reached (a disposition other than a promise): counts as a contact. */
    public CaseCourse contacted() {
        return new CaseCourse(caseId, attempts, true, promises, brokenPromises, promiseOpen, lastPromiseBroken,
                disputed, collected);
    }

    public CaseCourse promised() {
        return new CaseCourse(caseId, attempts, true, promises + 1, brokenPromises, true, false, disputed, collected);
    }

    public CaseCourse promiseBroken() {
        return new CaseCourse(caseId, attempts, reached, promises, brokenPromises + 1, false, true, disputed,
                collected);
    }

    public CaseCourse paid(BigDecimal amount) {
        return new CaseCourse(caseId, attempts, reached, promises, brokenPromises, promiseOpen, false, disputed,
                collected.add(amount));
    }

    public CaseCourse disputed(boolean open) {
        return new CaseCourse(caseId, attempts, reached || open, promises, brokenPromises, promiseOpen,
                lastPromiseBroken, open, collected);
    }

    /** Where the case stands, the most pressing fact first: a dispute stops everything else. */
    public CaseSituation situation() {
        if (disputed) {
            return CaseSituation.DISPUTED;
        }
        if (lastPromiseBroken) {
            return CaseSituation.PROMISE_BROKEN;
        }
        if (promiseOpen) {
            return CaseSituation.PROMISE_OPEN;
        }
        if (reached) {
            return CaseSituation.CONTACTED;
        }
        return attempts > 0 ? CaseSituation.NO_CONTACT : CaseSituation.NEW;
    }
}
