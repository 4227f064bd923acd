package dev.collector.strategies.book;

/**
 * One thing wrong in a strategy file: where (line and column, 1-based; the JSON path) and why.
 *
 * @param path the JSON Pointer of the offending value, e.g. {@code /segments/2/when/daysPastDue/min}
 */
public record RuleProblem(int line, int column, String path, String reason) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + (path.isEmpty() ? "" : " (" + path + ")") + ": " + reason;
    }
}
