package dev.collector.routing.desktop;

/** The agents' screens, as seen from routing: implemented by the console's web sockets. */
public interface AgentDesktop {

    /** The debtor is connected to the agent: show the case now. */
    void screenPop(ScreenPop pop);

    /** The debtor's leg has hung up. */
    void callEnded(String agentId, String attemptId);

    /** Preview mode: show the case before it is dialed; the agent answers through {@link PreviewChoices}. */
    default void preview(PreviewOffer offer) {
    }

    /** Where the agent's preview choices go (the dialer of a preview campaign). */
    default void answerPreviewsWith(PreviewChoices choices) {
    }
}
