package dev.collector.followups.task;

/** Where a follow-up task stands. */
public enum TaskStatus {
    /** Waiting for its due time, or for its next try after a failed delivery. */
    PENDING,
    /** In a work queue, waiting for a person to do it. */
    QUEUED,
    /** Sent, or done by a person. */
    DONE,
    /** Not carried out: the case closed, or a hold (cease contact, dispute) forbids contact. */
    SUPPRESSED,
    /** Missed its SLA (or could not be sent at all) and moved to another queue. */
    ESCALATED;

    /** Whether the SLA still runs against it. */
    public boolean isOpen() {
        return this == PENDING || this == QUEUED;
    }
}
