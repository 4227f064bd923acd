package dev.collector.casequeue.transitions;

import com.hazelcast.map.EntryProcessor;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import java.time.Instant;
import java.util.Map;

/**
 * Leases the case to a dialer if the queue entry just taken still stands for it (same ticket,
 * still waiting). Atomic on the key's owner: of two dialers holding entries for the same case, one
 * gets it.
 *
 * @return the leased entry, or null when the queue entry was stale
 */
public final class LeaseIfWaiting implements EntryProcessor<String, CaseEntry, CaseEntry> {

    private final long ticket;
    private final String holder;
    private final String attemptId;
    private final Instant expiresAt;

    public LeaseIfWaiting(long ticket, String holder, String attemptId, Instant expiresAt) {
        this.ticket = ticket;
        this.holder = holder;
        this.attemptId = attemptId;
        this.expiresAt = expiresAt;
    }

    @Override
    public CaseEntry process(Map.Entry<String, CaseEntry> entry) {
        CaseEntry current = entry.getValue();
        if (current == null || current.status() != CaseStatus.WAITING || current.ticket() != ticket) {
            return null;
        }
        CaseEntry leased = current.leased(holder, attemptId, expiresAt);
        entry.setValue(leased);
        return leased;
    }
}
