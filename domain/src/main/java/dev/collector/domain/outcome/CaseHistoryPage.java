package dev.collector.domain.outcome;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a case's history.
 *
 * @param entries       newest first
 * @param nextPageToken opaque; hand it back for the next page; empty on the last page
 */
public record CaseHistoryPage(List<CaseHistoryEntry> entries, Optional<String> nextPageToken) {

    public CaseHistoryPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(nextPageToken, "nextPageToken");
    }
}
