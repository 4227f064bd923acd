package dev.collector.strategies.book;

/** The ways a strategy can work a case: a closed set, since each has its own executor and cost. */
public enum ActionKind {
    SMS,
    /** A call by the dialer, in the action's dial mode and priority. */
    CALL,
    EMAIL,
    /** A letter printed and posted by the back office. */
    LETTER,
    /** The case handed over to an external collection agency (whose fee is the action's cost). */
    AGENCY
}
