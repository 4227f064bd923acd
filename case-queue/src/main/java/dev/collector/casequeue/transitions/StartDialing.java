package dev.collector.casequeue.transitions;

import com.hazelcast.map.EntryProcessor;
import dev.collector.casequeue.entry.CaseEntry;
import java.util.Map;

/** The guard permitted the call: the lease now names the number, and the attempt is counted. */
public final class StartDialing implements EntryProcessor<String, CaseEntry, CaseEntry> {

    private final String holder;
    private final String attemptId;
    private final String phoneNumber;

    public StartDialing(String holder, String attemptId, String phoneNumber) {
        this.holder = holder;
        this.attemptId = attemptId;
        this.phoneNumber = phoneNumber;
    }

    @Override
    public CaseEntry process(Map.Entry<String, CaseEntry> entry) {
        CaseEntry current = entry.getValue();
        if (current == null || !current.isLeasedBy(holder, attemptId)) {
            return null;
        }
        CaseEntry dialing = current.dialing(phoneNumber);
        entry.setValue(dialing);
        return dialing;
    }
}
