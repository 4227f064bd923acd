package dev.collector.caseloader;

/** The command line asks for something the loader does not do; the message says what. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
