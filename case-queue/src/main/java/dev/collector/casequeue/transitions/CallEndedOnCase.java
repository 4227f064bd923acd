package dev.collector.casequeue.transitions;

import com.hazelcast.map.EntryProcessor;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.retry.RetrySchedule;
import dev.collector.domain.call.CallResult;
import java.time.Instant;
import java.util.Map;

/**
 * The leased call ended. A conversation waits for the agent's disposition; anything else is
 * scheduled by the retry schedule (or closed when attempts are exhausted or the CRM cancelled).
 *
 * @return the entry after the change, or null when the lease was no longer in force
 */
public final class CallEndedOnCase implements EntryProcessor<String, CaseEntry, CaseEntry> {

    private final String holder;
    private final String attemptId;
    private final CallResult result;
    private final Instant endedAt;
    private final RetrySchedule schedule;

    public CallEndedOnCase(String holder, String attemptId, CallResult result, Instant endedAt, RetrySchedule schedule) {
        this.holder = holder;
        this.attemptId = attemptId;
        this.result = result;
        this.endedAt = endedAt;
        this.schedule = schedule;
    }

    @Override
    public CaseEntry process(Map.Entry<String, CaseEntry> entry) {
        CaseEntry current = entry.getValue();
        if (current == null || !current.isLeasedBy(holder, attemptId)) {
            return null;
        }
        CaseEntry next;
        if (result == CallResult.ANSWERED) {
            next = current.awaitingDisposition();
        } else if (current.cancelled()) {
            next = current.closed(current.reason());
        } else {
            next = current.following(schedule.afterCall(current.attempts(), result, endedAt));
        }
        entry.setValue(next);
        return next;
    }
}
