package dev.collector.casequeue.transitions;

import com.hazelcast.map.EntryProcessor;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import java.time.Instant;
import java.util.Map;

/** A live dialer extends its leases; leases of other holders are left alone. */
public final class RenewLease implements EntryProcessor<String, CaseEntry, Boolean> {

    private final String holder;
    private final Instant expiresAt;

    public RenewLease(String holder, Instant expiresAt) {
        this.holder = holder;
        this.expiresAt = expiresAt;
    }

    @Override
    public Boolean process(Map.Entry<String, CaseEntry> entry) {
        CaseEntry current = entry.getValue();
        if (current == null || current.status() != CaseStatus.LEASED
                || !current.leaseHolder().filter(holder::equals).isPresent()) {
            return false;
        }
        entry.setValue(current.renewed(expiresAt));
        return true;
    }
}
