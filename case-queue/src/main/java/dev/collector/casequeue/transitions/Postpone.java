package dev.collector.casequeue.transitions;

import com.hazelcast.map.EntryProcessor;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import java.time.Instant;
import java.util.Map;

/**
 * Holds a waiting or scheduled case back until a time (never brings a later due time forward). Its
 * queue entry, if any, goes stale and is dropped when it comes up.
 */
public final class Postpone implements EntryProcessor<String, CaseEntry, Boolean> {

    private final Instant until;
    private final String why;

    public Postpone(Instant until, String why) {
        this.until = until;
        this.why = why;
    }

    @Override
    public Boolean process(Map.Entry<String, CaseEntry> entry) {
        CaseEntry current = entry.getValue();
        if (current == null) {
            return false;
        }
        if (current.status() == CaseStatus.WAITING
                || (current.status() == CaseStatus.SCHEDULED && current.getDueAtMillis() < until.toEpochMilli())) {
            entry.setValue(current.scheduled(until, why, current.callbackRequested()));
            return true;
        }
        return false;
    }
}
