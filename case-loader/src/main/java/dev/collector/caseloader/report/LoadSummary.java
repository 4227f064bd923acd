package dev.collector.caseloader.report;

import java.util.List;
import java.util.Map;

/**
 * What became of a file's cases.
 *
 * @param rejectedCasesByReason cases (not rows) not admitted, by reason, reasons in name order
 * @param rejectedRows          every row of every case not admitted, by line
 */
public record LoadSummary(long rowsRead, long acceptedCases, Map<String, Long> rejectedCasesByReason,
                          List<RejectedRow> rejectedRows) {

    public LoadSummary {
        rejectedCasesByReason = Map.copyOf(rejectedCasesByReason);
        rejectedRows = List.copyOf(rejectedRows);
    }

    public long rejectedCases() {
        return rejectedCasesByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
