package dev.collector.outcomes.node;

/** The local Cassandra node could not be started or reused; the message says why and what to do. */
public final class NodeStartException extends RuntimeException {

    public NodeStartException(String message) {
        super(message);
    }

    public NodeStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
