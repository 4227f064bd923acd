package dev.collector.caseloader.csv;

/**
 * A row the loader could not turn into a case, found before anything is sent.
 *
 * @param field the CSV column at fault, or "" when the row as a whole is
 */
public record RowProblem(long line, String caseId, String field, String message) {
}
