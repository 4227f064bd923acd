package dev.collector.caseloader.report;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/** The summary a person reads at the end of a load. */
public final class SummaryText {

    private SummaryText() {
    }

    public static void print(LoadSummary summary, int rowsToList, PrintStream out) {
        out.printf("rows read:      %,d%n", summary.rowsRead());
        out.printf("cases accepted: %,d%n", summary.acceptedCases());
        out.printf("cases rejected: %,d%n", summary.rejectedCases());
        for (Map.Entry<String, Long> reason : new TreeMap<>(summary.rejectedCasesByReason()).entrySet()) {
            out.printf("  %-18s %,d%n", reason.getKey(), reason.getValue());
        }
        if (summary.rejectedRows().isEmpty()) {
            return;
        }
        out.println();
        out.println("rejected rows (line, case_id, field, reason: message):");
        int listed = 0;
        for (RejectedRow row : summary.rejectedRows()) {
            if (listed++ == rowsToList) {
                out.printf("  ... and %,d more (--rejects FILE writes them all)%n",
                        summary.rejectedRows().size() - rowsToList);
                break;
            }
            out.printf("  %d, %s, %s, %s: %s%n", row.line(), row.caseId().isEmpty() ? "(none)" : row.caseId(),
                    row.field().isEmpty() ? "-" : row.field(), row.reason(), row.message());
        }
    }
}
