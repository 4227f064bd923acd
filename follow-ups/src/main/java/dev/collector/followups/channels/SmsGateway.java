package dev.collector.followups.channels;

/** Sends a text message. Blocking: called from the follow-up engine's own thread. */
public interface SmsGateway extends AutoCloseable {

    /**
     * @param to E.164 number
     * @return the provider's message id
     */
    String send(String to, String text) throws DeliveryFailed;

    @Override
    default void close() {
    }
}
