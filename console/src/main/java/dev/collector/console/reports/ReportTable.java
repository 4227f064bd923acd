package dev.collector.console.reports;

import java.util.List;

/**
 * A report as the page shows it: named columns, rows of texts and numbers (a null cell is a rate
 * with nothing to divide by), and the same report as CSV for the export.
 */
public record ReportTable(List<String> columns, List<List<Object>> rows, String csv) {
    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
    }
}
