package dev.collector.dialer.call;

/** Where one call stands, as the AMI events have told us. */
public enum CallState {
    /** Originate sent; the debtor's phone is not ringing yet. */
    DIALING,
    RINGING,
    /** Picked up; Asterisk's AMD() is listening to tell a person from a machine. */
    DETECTING_MACHINE,
    /** A person (or a machine the campaign passes to agents) waits for an agent: the 2-second rule runs. */
    ANSWERED_BY_PERSON,
    /** A machine, being hung up on or left a message. */
    ANSWERED_BY_MACHINE,
    CONNECTED_TO_AGENT,
    /** Over: the result says how (answered, abandoned, busy, no answer, congestion, failed). */
    ENDED
}
