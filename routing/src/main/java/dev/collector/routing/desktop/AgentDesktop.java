package dev.collector.routing.desktop;

/** The agents' screens, as seen from routing: implemented by the console's web sockets. */
public interface AgentDesktop {

    /** The debtor is connected to the agent: show the case now. */
    void screenPop(ScreenPop pop);

    /** The debtor's leg has hung up. */
    void callEnded(String agentId, String attemptId);
}
