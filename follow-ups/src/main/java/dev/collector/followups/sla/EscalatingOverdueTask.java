package dev.collector.followups.sla;

import dev.collector.followups.store.CassandraFollowUpStore;
import dev.collector.followups.store.Escalation;
import dev.collector.followups.task.FollowUpTask;
import dev.collector.followups.task.TaskStatus;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task not done by its deadline (or one that cannot be sent at all) moves to its escalation queue
 * (a senior collector, the supervisors), and the escalation is recorded for the supervisor's wall
 * and reports.
 */
public final class EscalatingOverdueTask {

    private static final Logger log = LoggerFactory.getLogger(EscalatingOverdueTask.class);

    private final CassandraFollowUpStore store;

    public EscalatingOverdueTask(CassandraFollowUpStore store) {
        this.store = store;
    }

    public FollowUpTask escalate(FollowUpTask task, String reason, Instant now) {
        String from = task.status() == TaskStatus.QUEUED ? task.queue() : "(automatic " + task.kind() + ")";
        String to = task.escalateTo();
        store.enqueue(to, task, now);
        if (task.status() == TaskStatus.QUEUED) {
            store.dequeue(task.queue(), task.taskId());
        }
        FollowUpTask escalated = task.movedTo(to, TaskStatus.ESCALATED, reason);
        store.save(escalated, now);
        store.recordEscalation(new Escalation(now, task.taskId(), task.caseId(), task.kind().name(), task.rule(), from,
                to, reason));
        log.warn("ESCALATED follow-up {} of case {} ({} {}) from {} to {}: {}", task.taskId(), task.caseId(),
                task.kind(), task.rule(), from, to, reason);
        return escalated;
    }

    /** The deadline came: escalate if still open. */
    public void deadlineReached(FollowUpTask task, Instant now) {
        // an entry for a deadline that has since moved (quiet hours) is stale: the new entry decides
        if (task.status().isOpen() && !task.deadline().isAfter(now)) {
            escalate(task, "SLA missed: due " + task.dueAt() + ", deadline " + task.deadline() + ", "
                    + task.attempts() + " failed tries" + (task.lastError().isEmpty() ? "" : " (" + task.lastError() + ")"),
                    now);
        }
    }
}
