package dev.collector.caseloader.report;

/**
 * A row of the file whose case was not admitted.
 *
 * @param field  the CSV column at fault (or the server's field path when it names none), "" for
 *               the row or the case as a whole
 * @param reason UNPARSEABLE when the loader could not read the row, else the server's
 *               RejectionReason without its prefix (INVALID, STALE_VERSION...)
 */
public record RejectedRow(long line, String caseId, String field, String reason, String message) {

    public static final String UNPARSEABLE = "UNPARSEABLE";
}
