package dev.collector.casequeue.transitions;

import com.hazelcast.map.EntryProcessor;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import java.util.Map;

/** The CRM withdrew the case. A call in progress finishes; the case closes when it ends. */
public final class CancelCase implements EntryProcessor<String, CaseEntry, Boolean> {

    private final String why;

    public CancelCase(String why) {
        this.why = why;
    }

    @Override
    public Boolean process(Map.Entry<String, CaseEntry> entry) {
        CaseEntry current = entry.getValue();
        if (current == null) {
            return false;
        }
        entry.setValue(current.status() == CaseStatus.LEASED
                ? current.cancelledDuringCall(why)
                : current.closed("cancelled: " + why));
        return true;
    }
}
