package dev.collector.followups.channels;

/** Sends an e-mail. Blocking: called from the follow-up engine's own thread. */
public interface Mailer {

    /** @return what the provider said (for the delivery record) */
    String send(String to, String subject, String body) throws DeliveryFailed;
}
