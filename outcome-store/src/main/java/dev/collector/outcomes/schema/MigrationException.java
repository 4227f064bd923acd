package dev.collector.outcomes.schema;

/** The keyspace's schema cannot be brought up to date; nothing after the failing step was applied. */
public final class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
