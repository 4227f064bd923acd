package dev.collector.domain.outcome;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a case's history.
 *
 * @param entries       newest first
 * @param nextPageToken opaque; hand it back for the next page; empty on the last page
 * @param followUps     the case's follow-up tasks on this page, latest due first, when asked for
 *                      (they come after the last attempt: see {@link CaseHistory#page(String, int, Optional, boolean)})
 */
public record CaseHistoryPage(List<CaseHistoryEntry> entries, Optional<String> nextPageToken,
                              List<FollowUpEntry> followUps) {

    public CaseHistoryPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(nextPageToken, "nextPageToken");
        followUps = List.copyOf(followUps);
    }

    public CaseHistoryPage(List<CaseHistoryEntry> entries, Optional<String> nextPageToken) {
        this(entries, nextPageToken, List.of());
    }
}
