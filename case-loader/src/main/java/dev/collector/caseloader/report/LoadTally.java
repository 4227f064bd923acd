package dev.collector.caseloader.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts what is admitted and refused while a load runs; acknowledgements arrive on gRPC's threads. */
public final class LoadTally {

    private long rowsRead;
    private long acceptedCases;
    private final Map<String, Long> rejectedCasesByReason = new TreeMap<>();
    private final List<RejectedRow> rejectedRows = new ArrayList<>();

    public synchronized void rowsRead(long rows) {
        rowsRead = rows;
    }

    public synchronized void accepted(long cases) {
        acceptedCases += cases;
    }

    public synchronized void rejectedCase(String reason, List<RejectedRow> rows) {
        rejectedCasesByReason.merge(reason, 1L, Long::sum);
        rejectedRows.addAll(rows);
    }

    public synchronized LoadSummary summary() {
        List<RejectedRow> rows = new ArrayList<>(rejectedRows);
        rows.sort(Comparator.comparingLong(RejectedRow::line));
        return new LoadSummary(rowsRead, acceptedCases, rejectedCasesByReason, rows);
    }
}
