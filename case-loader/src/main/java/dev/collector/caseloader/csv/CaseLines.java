package dev.collector.caseloader.csv;

import java.util.List;

/** Where a case came from in the file: the line of its first row and the line of each claim's row. */
public record CaseLines(String caseId, long firstLine, List<Long> claimLines) {

    public CaseLines {
        claimLines = List.copyOf(claimLines);
    }

    /** The line of the claim at index, or the case's first line when there is no such claim. */
    public long lineOfClaim(int index) {
        return index >= 0 && index < claimLines.size() ? claimLines.get(index) : firstLine;
    }
}
