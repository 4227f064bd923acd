package dev.collector.dialer.pacing;

/** How a campaign's calls are being paced at a given moment, as the supervisor sees it. */
public enum DialMode {
    /** One call per free agent, the agent reserved before the number is dialed: no abandons by construction. */
    PROGRESSIVE,
    /** A fixed number of calls per free agent. */
    POWER,
    /** A fixed dial level: calls in flight held at a fixed multiple of the logged-in agents. */
    FIXED_LEVEL,
    /** Calls in flight chosen from the observed state to keep agents talking within the abandon cap. */
    PREDICTIVE
}
