package dev.collector.casequeue.entry;

/** Where a case stands in its campaign. */
public enum CaseStatus {
    /** In the campaign's queue, ready to be leased. */
    WAITING,
    /** Waits for a moment: a retry, a callback, the calling window, a contact limit to lapse. */
    SCHEDULED,
    /** One dialer holds it for one call (and, if answered, until the agent's disposition). */
    LEASED,
    /** A hold (cease contact, dispute, no valid number...) keeps it from being called until lifted. */
    HELD,
    /** Nothing more to do: cancelled by the CRM, attempts exhausted, settled. */
    CLOSED
}
