package dev.collector.app.strategies;

import com.hazelcast.map.EntryProcessor;
import dev.collector.strategies.segmentation.TrackedCase;
import java.util.Map;

/**
 * Keeps a case's new tracked state only over the revision it was computed from (none: not tracked
 * yet), on the member owning the case, in one step: two members segmenting one case at once cannot
 * overwrite each other's change. The loser is told and computes again from the newer state.
 */
final class ReplaceTrackedCase implements EntryProcessor<String, TrackedCase, Boolean> {

    private static final long serialVersionUID = 1L;

    /** -1: the case must not be tracked yet. */
    private final long expectedRevision;
    private final TrackedCase next;

    ReplaceTrackedCase(long expectedRevision, TrackedCase next) {
        this.expectedRevision = expectedRevision;
        this.next = next;
    }

    @Override
    public Boolean process(Map.Entry<String, TrackedCase> entry) {
        TrackedCase held = entry.getValue();
        boolean asRead = expectedRevision < 0 ? held == null : held != null && held.revision() == expectedRevision;
        if (asRead) {
            entry.setValue(next);
        }
        return asRead;
    }
}
