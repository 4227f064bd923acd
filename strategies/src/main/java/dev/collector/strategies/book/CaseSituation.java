package dev.collector.strategies.book;

/**
 * Where a case stands in its collection, as a strategy's stages are keyed: every state change
 * (an outcome, a payment, a promise kept or broken, a dispute) can move a case to another one.
 */
public enum CaseSituation {
    /** Never reached yet: no attempt answered by the debtor. */
    NEW,
    /** Attempts made, none reached the debtor. */
    NO_CONTACT,
    /** The debtor was reached and promised nothing (or refused). */
    CONTACTED,
    /** A promise to pay is open: not yet due, or due and paid. */
    PROMISE_OPEN,
    /** The last promise fell due without the payment. */
    PROMISE_BROKEN,
    /** The debtor disputes the debt: no collection until the dispute closes. */
    DISPUTED
}
