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
 * every node sees a case's segment and strategy and a restart keeps them. Writes do not wait: the
 * re-segmenting worker must keep up with a bulk load.
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
    public void put(TrackedCase tracked) {
        map.setAsync(tracked.caseId(), tracked).whenComplete((ok, failure) -> {
            if (failure != null) {
                log.warn("Strategy of case {} not stored: {}", tracked.caseId(), failure.toString());
            }
        });
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
