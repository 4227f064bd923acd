package dev.collector.domain.outcome;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A case's contact history read back a page at a time, newest first: what a CRM browses. Apart
 * from {@link ContactHistory} (which the dialer and the agents write) so that a reader needs no
 * writer, and a writer's fakes need not page. Implemented over Cassandra in outcome-store.
 */
public interface CaseHistory {

    /** The largest page a reader may ask for. */
    int MAX_PAGE_SIZE = 500;

    /**
     * One page of the case's attempts, newest first, each with its outcome if one was recorded.
     * An unknown case has an empty history: whether the case exists is the call list's to say.
     *
     * @param pageSize  1 to {@link #MAX_PAGE_SIZE}
     * @param pageToken {@link CaseHistoryPage#nextPageToken()} of the previous page of the same
     *                  case; empty for the first page
     * @return fails with {@link InvalidPageToken} when the token was not handed out for this case
     */
    CompletionStage<CaseHistoryPage> page(String caseId, int pageSize, Optional<String> pageToken);

    /**
     * {@link #page(String, int, Optional)}, with the case's follow-up tasks when {@code withFollowUps}:
     * the attempts first (newest first), then the tasks (latest due first), {@code pageSize} items a
     * page in all. A page token of one kind of listing is not valid for the other. Where no
     * follow-ups are kept, there are none.
     */
    default CompletionStage<CaseHistoryPage> page(String caseId, int pageSize, Optional<String> pageToken,
            boolean withFollowUps) {
        return page(caseId, pageSize, pageToken);
    }

    /** Where no history is kept: every case's history is empty. */
    static CaseHistory none() {
        return (caseId, pageSize, pageToken) -> CompletableFuture.completedFuture(
                new CaseHistoryPage(List.of(), Optional.empty()));
    }

    /** A page token that is malformed or belongs to another case's history. */
    final class InvalidPageToken extends IllegalArgumentException {

        public InvalidPageToken(String message) {
            super(message);
        }

        public InvalidPageToken(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
