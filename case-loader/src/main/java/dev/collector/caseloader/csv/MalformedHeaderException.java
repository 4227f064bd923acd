package dev.collector.caseloader.csv;

/** The header row does not name the columns a call list needs; nothing of the file can be read. */
public final class MalformedHeaderException extends Exception {

    public MalformedHeaderException(String message) {
        super(message);
    }
}
