package dev.collector.app.strategies;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.collector.strategies.segmentation.TrackedCase;
import dev.collector.strategies.segmentation.TrackedCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracked cases in a Hazelcast map beside the call list (written through to Cassandra like it), so
 * every node sees a case's segment and strategy and a restart keeps them. A change is kept by an
 * entry processor that compares revisions on the member owning the case ({@link ReplaceTrackedCase}):
 * one round trip, and two members changing one case at once lose nothing.
 */
final class HazelcastTrackedCases implements TrackedCases {

    /** The map's name; persisted by {@code DurableMaps} with the call list's maps. */
    static final String MAP = "strategy-cases";
    private static final Logger log = LoggerFactory.getLogger(HazelcastTrackedCases.class);

    private final IMap<String, TrackedCase> map;

    HazelcastTrackedCases(HazelcastInstance hazelcast) {
        this.map = hazelcast.getMap(MAP);
    }

    @Override
    public Optional<TrackedCase> find(String caseId) {
        return Optional.ofNullable(map.get(caseId));
    }

    @Override
    public boolean replace(Optional<TrackedCase> expected, TrackedCase next) {
        boolean kept = map.executeOnKey(next.caseId(),
                new ReplaceTrackedCase(expected.map(TrackedCase::revision).orElse(-1L), next));
        if (!kept) {
            log.debug("Case {} changed while it was segmented: segmenting it again", next.caseId());
        }
        return kept;
    }

    @Override
    public List<String> casesOfDebtor(String debtorId) {
        return new ArrayList<>(map.keySet(Predicates.equal("debtorId", debtorId)));
    }

    /** The tracked cases this member owns: each member sweeps its own, so a cluster sweeps each case once. */
    List<String> localCaseIds() {
        return new ArrayList<>(map.localKeySet());
    }
}
