package dev.collector.routing.assignment;

/** Why an agent was given a call: reported by the supervisor wall and the logs. */
public enum Route {
    /** The agent the debtor asked to call him back. */
    CALLBACK_OWNER,
    /** The agent who last obtained a promise from the debtor. */
    AFFINITY,
    /** The longest idle agent serving the case's queue first, in its language and team. */
    QUEUE,
    /** The case's queue had nobody ready: the longest idle agent who speaks the language. */
    OVERFLOW,
    /** Nobody qualified was ready: any ready agent, since an abandoned debtor is worse. */
    LAST_RESORT
}
