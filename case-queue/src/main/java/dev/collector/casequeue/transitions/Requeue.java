package dev.collector.casequeue.transitions;

import com.hazelcast.map.EntryProcessor;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a case back in the queue under a ticket the caller has just offered, if it is still in the
 * state the caller saw: a scheduled case that fell due, a held case whose hold was lifted, or a
 * lease that lapsed (its holder gone or silent). Exactly one caller wins, so a case is requeued once.
 *
 * @return the entry as it was before, or null when it had moved on
 */
public final class Requeue implements EntryProcessor<String, CaseEntry, CaseEntry> {

    private final CaseStatus expected;
    private final String expectedAttemptId;
    private final long dueBeforeMillis;
    private final long ticket;
    private final long rank;
    private final String why;

    private Requeue(CaseStatus expected, String expectedAttemptId, long dueBeforeMillis, long ticket, long rank,
                    String why) {
        this.expected = expected;
        this.expectedAttemptId = expectedAttemptId;
        this.dueBeforeMillis = dueBeforeMillis;
        this.ticket = ticket;
        this.rank = rank;
        this.why = why;
    }

    public static Requeue due(long nowMillis, long ticket, long rank) {
        return new Requeue(CaseStatus.SCHEDULED, null, nowMillis, ticket, rank, "due");
    }

    public static Requeue released(long ticket, long rank, String why) {
        return new Requeue(CaseStatus.HELD, null, Long.MAX_VALUE, ticket, rank, why);
    }

    public static Requeue reclaimed(String attemptId, long ticket, long rank, String why) {
        return new Requeue(CaseStatus.LEASED, attemptId, Long.MAX_VALUE, ticket, rank, why);
    }

    @Override
    public CaseEntry process(Map.Entry<String, CaseEntry> entry) {
        CaseEntry current = entry.getValue();
        if (current == null || current.status() != expected) {
            return null;
        }
        if (expected == CaseStatus.SCHEDULED && current.getDueAtMillis() > dueBeforeMillis) {
            return null;
        }
        if (expectedAttemptId != null && !current.attemptId().equals(Optional.of(expectedAttemptId))) {
            return null;
        }
        entry.setValue(current.cancelled() ? current.closed(current.reason()) : current.requeued(ticket, rank, why));
        return current;
    }
}
