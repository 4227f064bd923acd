package dev.collector.followups.channels;

/**
 * A message did not go out.
 *
 * @param permanent trying again cannot help (no address, no template): a person must step in
 */
public final class DeliveryFailed extends Exception {

    private final boolean permanent;

    public DeliveryFailed(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
