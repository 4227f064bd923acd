package dev.collector.console.agentdesktop;

/** A client message the server cannot act on, naming the field to fix. Answered, never fatal. */
final class ProtocolError extends RuntimeException {
    private final String field;

    ProtocolError(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }

    String reason() {
        return getMessage();
    }
}
