package dev.collector.routing.disposition;

/** A disposition the agent must correct, naming the form field and why. */
public final class DispositionRejected extends RuntimeException {
    private final String field;

    public DispositionRejected(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
