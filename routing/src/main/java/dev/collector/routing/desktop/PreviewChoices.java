package dev.collector.routing.desktop;

/**
 * What an agent decides about a previewed case, from the desktop to the dialer. Both may be called
 * from any thread; a choice about an offer no longer standing (already dialed by the time limit,
 * withdrawn) is ignored and answered false.
 */
public interface PreviewChoices {

    /** The agent wants the case dialed now. @return whether the offer was still standing */
    boolean dial(String agentId, String attemptId);

    /** The agent passes the case on; he is offered another. @return whether the offer was still standing */
    boolean skip(String agentId, String attemptId);

    PreviewChoices NONE = new PreviewChoices() {
        @Override
        public boolean dial(String agentId, String attemptId) {
            return false;
        }

        @Override
        public boolean skip(String agentId, String attemptId) {
            return false;
        }
    };
}
