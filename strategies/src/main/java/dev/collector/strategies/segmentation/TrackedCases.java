package dev.collector.strategies.segmentation;

import java.util.List;
import java.util.Optional;

/**
 * Where tracked cases are kept (a Hazelcast map written through to Cassandra in the app). Calls
 * may block: {@link Resegmenting} runs off any event loop.
 */
public interface TrackedCases {

    Optional<TrackedCase> find(String caseId);

    void put(TrackedCase tracked);

    /** The ids of the debtor's tracked cases (a dispute is placed per debtor). */
    List<String> casesOfDebtor(String debtorId);
}
