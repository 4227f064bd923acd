package dev.collector.casequeue.transitions;

import com.hazelcast.map.EntryProcessor;
import dev.collector.casequeue.entry.CaseEntry;
import java.time.Instant;
import java.util.Map;

/**
 * Ends a dialer's lease with a decided next state: scheduled, held, closed, or waiting again. A
 * case the CRM cancelled meanwhile closes instead. Applies only to the lease named (holder and
 * attempt), so a late report from a dialer whose lease was reclaimed changes nothing.
 */
public final class EndLease implements EntryProcessor<String, CaseEntry, CaseEntry> {

    public enum Target { SCHEDULE, HOLD, CLOSE, NOT_DIALED }

    private final String holder;
    private final String attemptId;
    private final Target target;
    private final Instant dueAt;
    private final String why;
    private final boolean callback;
    private final long ticket;
    private final long rank;

    private EndLease(String holder, String attemptId, Target target, Instant dueAt, String why, boolean callback,
                     long ticket, long rank) {
        this.holder = holder;
        this.attemptId = attemptId;
        this.target = target;
        this.dueAt = dueAt;
        this.why = why;
        this.callback = callback;
        this.ticket = ticket;
        this.rank = rank;
    }

    public static EndLease schedule(String holder, String attemptId, Instant dueAt, String why, boolean callback) {
        return new EndLease(holder, attemptId, Target.SCHEDULE, dueAt, why, callback, 0, 0);
    }

    public static EndLease hold(String holder, String attemptId, String why) {
        return new EndLease(holder, attemptId, Target.HOLD, null, why, false, 0, 0);
    }

    public static EndLease close(String holder, String attemptId, String why) {
        return new EndLease(holder, attemptId, Target.CLOSE, null, why, false, 0, 0);
    }

    /** The call was never placed: the case waits again under this fresh ticket, its attempt not counted. */
    public static EndLease notDialed(String holder, String attemptId, long ticket, long rank) {
        return new EndLease(holder, attemptId, Target.NOT_DIALED, null, "not dialed", false, ticket, rank);
    }

    /** @return the entry after the change, or null when the lease named is no longer in force */
    @Override
    public CaseEntry process(Map.Entry<String, CaseEntry> entry) {
        CaseEntry current = entry.getValue();
        if (current == null || !current.isLeasedBy(holder, attemptId)) {
            return null;
        }
        CaseEntry next;
        if (current.cancelled()) {
            next = current.closed(current.reason());
        } else {
            switch (target) {
                case SCHEDULE -> next = current.scheduled(dueAt, why, callback);
                case HOLD -> next = current.held(why);
                case CLOSE -> next = current.closed(why);
                default -> next = current.notDialed(ticket, rank);
            }
        }
        entry.setValue(next);
        return next;
    }
}
