package dev.collector.strategies.segmentation;

import java.util.List;
import java.util.Optional;

/**
 * Where tracked cases are kept (a Hazelcast map written through to Cassandra in the app). Calls
 * may block: {@link Resegmenting} runs off any event loop, on every member at once.
 */
public interface TrackedCases {

    Optional<TrackedCase> find(String caseId);

    /**
     * Keeps {@code next} if the case is still as it was read: at {@code expected}'s revision, or not
     * tracked at all when {@code expected} is empty. One atomic step where the case is kept.
     *
     * @return false when another change was kept in between: read again and compute again
     */
    boolean replace(Optional<TrackedCase> expected, TrackedCase next);

    /** The ids of the debtor's tracked cases (a dispute is placed per debtor). */
    List<String> casesOfDebtor(String debtorId);
}
