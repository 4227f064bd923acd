package dev.collector.domain.call;

/**
 * How a call attempt ended, as far as the telephony can tell. Which of these a debtor "answered"
 * matters for the abandon rate and for retries, so it is a closed set.
 */
public enum CallResult {
    /** The debtor answered and was connected to an agent. */
    ANSWERED,
    /** The debtor answered but no agent could take the call (counts against the abandon cap). */
    ABANDONED,
    BUSY,
    NO_ANSWER,
    /**
     * Answering-machine detection heard a machine and the campaign hung up or left a message: the
     * debtor was not reached and nothing was abandoned (a machine the campaign passes to an agent
     * ends as ANSWERED or ABANDONED like a person).
     */
    MACHINE,
    CONGESTION,
    /** The PBX could not place the call at all (bad number, trunk down, originate refused). */
    FAILED;

    public boolean reachedDebtor() {
        return this == ANSWERED || this == ABANDONED;
    }
}
