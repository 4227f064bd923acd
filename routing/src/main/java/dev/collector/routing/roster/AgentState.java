package dev.collector.routing.roster;

/** Where an agent is in the working day. Only READY agents are offered calls. */
public enum AgentState {
    LOGGED_OUT,
    /** Logged in but not taking calls (break, training, coaching). */
    PAUSED,
    READY,
    /** Chosen for a call that is being dialed or connected; no other call may be given. */
    RESERVED,
    ON_CALL,
    /** The call has ended; the agent owes its disposition before the next call. */
    WRAP_UP
}
