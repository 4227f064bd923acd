package dev.collector.casequeue.transitions;

import com.hazelcast.map.EntryProcessor;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.casequeue.retry.RetrySchedule;
import dev.collector.domain.outcome.Disposition;
import java.time.Instant;
import java.util.Map;

/**
 * The agent's disposition of the leased attempt decides the case's next step. Matched by attempt
 * id alone: the agent's node may not be the dialer's.
 *
 * @return the entry before the change (the caller needs the number dialed), or null if the case
 *         is not leased for that attempt any more
 */
public final class ApplyDisposition implements EntryProcessor<String, CaseEntry, CaseEntry> {

    private final String attemptId;
    private final Disposition disposition;
    private final Instant recordedAt;
    private final RetrySchedule schedule;

    public ApplyDisposition(String attemptId, Disposition disposition, Instant recordedAt, RetrySchedule schedule) {
        this.attemptId = attemptId;
        this.disposition = disposition;
        this.recordedAt = recordedAt;
        this.schedule = schedule;
    }

    @Override
    public CaseEntry process(Map.Entry<String, CaseEntry> entry) {
        CaseEntry current = entry.getValue();
        if (current == null || current.status() != CaseStatus.LEASED
                || !current.attemptId().filter(attemptId::equals).isPresent()) {
            return null;
        }
        if (current.cancelled()) {
            entry.setValue(current.closed(current.reason()));
            return current;
        }
        entry.setValue(current.following(
                schedule.afterDisposition(current.aCase(), current.attempts(), disposition, recordedAt)));
        return current;
    }
}
