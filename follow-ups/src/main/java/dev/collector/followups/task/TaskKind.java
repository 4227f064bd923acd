package dev.collector.followups.task;

/** The channel a follow-up goes out on: sent by us (SMS, e-mail) or done by a person from a work queue. */
public enum TaskKind {
    SMS, EMAIL, LETTER, CALL,
    /** The case handed over to an external collection agency, by a person from the hand-over queue. */
    AGENCY;

    /** Sent automatically; the others are placed in a work queue for a person. */
    public boolean isMessage() {
        return this == SMS || this == EMAIL;
    }
}
