package dev.collector.followups.store;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.collector.domain.outcome.Disposition;
import dev.collector.followups.task.FollowUpTask;
import dev.collector.followups.task.TaskKind;
import dev.collector.followups.task.TaskStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Follow-up tasks, their schedule, deliveries, work queues, escalations and watched promises in
 * Cassandra (tables of migration V006). Blocking calls: used only from the follow-up engine's own
 * thread, never from an event loop.
 */
public final class CassandraFollowUpStore {

    static final String SCHEDULE_SWEEP = "schedule";
    static final String PROMISE_SWEEP = "promises";

    private static final String TASK_COLUMNS = "task_id, case_id, debtor_id, campaign_id, agent_id, rule, kind, "
            + "template, queue, escalate_to, due_at, deadline, status, attempts, last_error, promised_amount, "
            + "promised_for, created_at, updated_at";

    private final CqlSession session;
    private final PreparedStatement createTask;
    private final PreparedStatement saveTask;
    private final PreparedStatement findTask;
    private final PreparedStatement taskByCase;
    private final PreparedStatement tasksOfCase;
    private final PreparedStatement schedule;
    private final PreparedStatement unschedule;
    private final PreparedStatement dueInBucket;
    private final PreparedStatement readSweep;
    private final PreparedStatement writeScheduleSweep;
    private final PreparedStatement writePromiseSweep;
    private final PreparedStatement recordDelivery;
    private final PreparedStatement deliveries;
    private final PreparedStatement enqueue;
    private final PreparedStatement dequeue;
    private final PreparedStatement queueItems;
    private final PreparedStatement recordEscalation;
    private final PreparedStatement escalationsOn;
    private final PreparedStatement watchPromise;
    private final PreparedStatement promisesDue;
    private final PreparedStatement promiseChecked;

    private CassandraFollowUpStore(CqlSession session, String ks) {
        this.session = session;
        String values = "VALUES (:task_id, :case_id, :debtor_id, :campaign_id, :agent_id, :rule, :kind, :template, "
                + ":queue, :escalate_to, :due_at, :deadline, :status, :attempts, :last_error, :promised_amount, "
                + ":promised_for, :created_at, :updated_at)";
        createTask = session.prepare("INSERT INTO " + ks + "follow_up_tasks (" + TASK_COLUMNS + ") " + values
                + " IF NOT EXISTS");
        saveTask = session.prepare("INSERT INTO " + ks + "follow_up_tasks (" + TASK_COLUMNS + ") " + values);
        findTask = session.prepare("SELECT " + TASK_COLUMNS + " FROM " + ks + "follow_up_tasks WHERE task_id = ?");
        taskByCase = session.prepare("INSERT INTO " + ks + "follow_up_tasks_by_case (case_id, task_id, kind, rule, "
                + "due_at) VALUES (?, ?, ?, ?, ?)");
        tasksOfCase = session.prepare("SELECT task_id FROM " + ks + "follow_up_tasks_by_case WHERE case_id = ?");
        schedule = session.prepare("INSERT INTO " + ks + "follow_up_schedule (bucket, due_at, task_id, purpose) "
                + "VALUES (?, ?, ?, ?)");
        unschedule = session.prepare("DELETE FROM " + ks + "follow_up_schedule WHERE bucket = ? AND due_at = ? "
                + "AND task_id = ? AND purpose = ?");
        dueInBucket = session.prepare("SELECT bucket, due_at, task_id, purpose FROM " + ks + "follow_up_schedule "
                + "WHERE bucket = ? AND due_at <= ?");
        readSweep = session.prepare("SELECT next_bucket, next_day FROM " + ks + "follow_up_sweeps WHERE name = ?");
        writeScheduleSweep = session.prepare("UPDATE " + ks + "follow_up_sweeps SET next_bucket = ? WHERE name = ?");
        writePromiseSweep = session.prepare("UPDATE " + ks + "follow_up_sweeps SET next_day = ? WHERE name = ?");
        recordDelivery = session.prepare("INSERT INTO " + ks + "follow_up_deliveries (task_id, attempted_at, channel, "
                + "delivered, detail) VALUES (?, ?, ?, ?, ?)");
        deliveries = session.prepare("SELECT task_id, attempted_at, channel, delivered, detail FROM " + ks
                + "follow_up_deliveries WHERE task_id = ?");
        enqueue = session.prepare("INSERT INTO " + ks + "work_queue_items (queue, task_id, case_id, kind, rule, due_at, "
                + "deadline, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        dequeue = session.prepare("DELETE FROM " + ks + "work_queue_items WHERE queue = ? AND task_id = ?");
        queueItems = session.prepare("SELECT task_id FROM " + ks + "work_queue_items WHERE queue = ?");
        recordEscalation = session.prepare("INSERT INTO " + ks + "escalations_by_day (day, escalated_at, task_id, "
                + "case_id, kind, rule, from_queue, to_queue, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        escalationsOn = session.prepare("SELECT escalated_at, task_id, case_id, kind, rule, from_queue, to_queue, reason "
                + "FROM " + ks + "escalations_by_day WHERE day = ?");
        watchPromise = session.prepare("INSERT INTO " + ks + "promises_by_due_date (due_date, case_id, attempt_id, "
                + "debtor_id, campaign_id, agent_id, amount, due_then, time_zone, checked) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, false) IF NOT EXISTS");
        promisesDue = session.prepare("SELECT due_date, case_id, attempt_id, debtor_id, campaign_id, agent_id, amount, "
                + "due_then, time_zone, checked FROM " + ks + "promises_by_due_date WHERE due_date = ?");
        promiseChecked = session.prepare("UPDATE " + ks + "promises_by_due_date SET checked = true WHERE due_date = ? "
                + "AND case_id = ? AND attempt_id = ?");
    }

    /** Prepares the statements; the keyspace's migrations (V006) must be applied. Blocks: call at start. */
    public static CassandraFollowUpStore prepare(CqlSession session, CqlIdentifier keyspace) {
        Objects.requireNonNull(session, "session");
        return new CassandraFollowUpStore(session, keyspace.asCql(true) + ".");
    }

    public static Instant bucketOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    // --- tasks ---------------------------------------------------------------------------------

    /**
     * Creates the task unless a task of that id exists. Its schedule entries are written first: a
     * crash in between leaves an entry that finds no task (dropped when swept), never a task without
     * its entries.
     *
     * @return whether the task is new
     */
    public boolean create(FollowUpTask task, Instant now) {
        schedule(task.taskId(), ScheduleEntry.Purpose.RUN, task.dueAt());
        schedule(task.taskId(), ScheduleEntry.Purpose.DEADLINE, task.deadline());
        session.execute(taskByCase.bind(task.caseId(), task.taskId(), task.kind().name(), task.rule(), task.dueAt()));
        return session.execute(bindTask(createTask.boundStatementBuilder(), task, now).build()).wasApplied();
    }

    public void save(FollowUpTask task, Instant now) {
        session.execute(bindTask(saveTask.boundStatementBuilder(), task, now).setIdempotence(true).build());
    }

    public Optional<FollowUpTask> find(String taskId) {
        return Optional.ofNullable(session.execute(findTask.bind(taskId)).one()).map(CassandraFollowUpStore::taskFrom);
    }

    public List<FollowUpTask> tasksOfCase(String caseId) {
        List<FollowUpTask> tasks = new ArrayList<>();
        for (Row row : session.execute(tasksOfCase.bind(caseId))) {
            find(row.getString("task_id")).ifPresent(tasks::add);
        }
        return tasks;
    }

    // --- schedule ------------------------------------------------------------------------------

    public void schedule(String taskId, ScheduleEntry.Purpose purpose, Instant dueAt) {
        session.execute(schedule.bind(bucketOf(dueAt), dueAt, taskId, purpose.name()).setIdempotent(true));
    }

    public void unschedule(ScheduleEntry entry) {
        session.execute(unschedule.bind(entry.bucket(), entry.dueAt(), entry.taskId(), entry.purpose().name())
                .setIdempotent(true));
    }

    /** The bucket's entries due by {@code now}, earliest first. */
    public List<ScheduleEntry> dueIn(Instant bucket, Instant now) {
        List<ScheduleEntry> entries = new ArrayList<>();
        for (Row row : session.execute(dueInBucket.bind(bucket, now))) {
            entries.add(new ScheduleEntry(row.getInstant("bucket"), row.getInstant("due_at"), row.getString("task_id"),
                    ScheduleEntry.Purpose.valueOf(row.getString("purpose"))));
        }
        return entries;
    }

    public Optional<Instant> scheduleSweptTo() {
        return Optional.ofNullable(session.execute(readSweep.bind(SCHEDULE_SWEEP)).one())
                .map(row -> row.getInstant("next_bucket"));
    }

    public void scheduleSweptTo(Instant nextBucket) {
        session.execute(writeScheduleSweep.bind(nextBucket, SCHEDULE_SWEEP).setIdempotent(true));
    }

    public Optional<LocalDate> promisesCheckedTo() {
        return Optional.ofNullable(session.execute(readSweep.bind(PROMISE_SWEEP)).one())
                .map(row -> row.getLocalDate("next_day"));
    }

    public void promisesCheckedTo(LocalDate nextDay) {
        session.execute(writePromiseSweep.bind(nextDay, PROMISE_SWEEP).setIdempotent(true));
    }

    // --- deliveries, queues, escalations ----------------------------------------------------------

    public void recordDelivery(Delivery delivery) {
        session.execute(recordDelivery.bind(delivery.taskId(), delivery.attemptedAt(), delivery.channel(),
                delivery.delivered(), delivery.detail()).setIdempotent(true));
    }

    public List<Delivery> deliveries(String taskId) {
        List<Delivery> out = new ArrayList<>();
        for (Row row : session.execute(deliveries.bind(taskId))) {
            out.add(new Delivery(row.getString("task_id"), row.getInstant("attempted_at"), row.getString("channel"),
                    row.getBoolean("delivered"), row.getString("detail")));
        }
        return out;
    }

    public void enqueue(String queue, FollowUpTask task, Instant now) {
        session.execute(enqueue.bind(queue, task.taskId(), task.caseId(), task.kind().name(), task.rule(), task.dueAt(),
                task.deadline(), now).setIdempotent(true));
    }

    public void dequeue(String queue, String taskId) {
        session.execute(dequeue.bind(queue, taskId).setIdempotent(true));
    }

    /** The task ids waiting in a work queue. */
    public List<String> queue(String queue) {
        List<String> ids = new ArrayList<>();
        for (Row row : session.execute(queueItems.bind(queue))) {
            ids.add(row.getString("task_id"));
        }
        return ids;
    }

    public void recordEscalation(Escalation escalation) {
        session.execute(recordEscalation.bind(escalation.escalatedAt().atOffset(ZoneOffset.UTC).toLocalDate(),
                escalation.escalatedAt(), escalation.taskId(), escalation.caseId(), escalation.kind(), escalation.rule(),
                escalation.fromQueue(), escalation.toQueue(), escalation.reason()).setIdempotent(true));
    }

    /** Escalations of a UTC day, oldest first: what the supervisor wall and reports read. */
    public List<Escalation> escalationsOn(LocalDate day) {
        List<Escalation> out = new ArrayList<>();
        for (Row row : session.execute(escalationsOn.bind(day))) {
            out.add(new Escalation(row.getInstant("escalated_at"), row.getString("task_id"), row.getString("case_id"),
                    row.getString("kind"), row.getString("rule"), row.getString("from_queue"),
                    row.getString("to_queue"), row.getString("reason")));
        }
        return out;
    }

    // --- promises ------------------------------------------------------------------------------

    public void watch(WatchedPromise promise) {
        session.execute(watchPromise.bind(promise.dueDate(), promise.caseId(), promise.attemptId(), promise.debtorId(),
                promise.campaignId(), promise.agentId(), promise.amount(), promise.dueThen(),
                promise.timeZone().getId()));
    }

    public List<WatchedPromise> promisesDue(LocalDate day) {
        List<WatchedPromise> out = new ArrayList<>();
        for (Row row : session.execute(promisesDue.bind(day))) {
            out.add(new WatchedPromise(row.getLocalDate("due_date"), row.getString("case_id"),
                    row.getString("attempt_id"), row.getString("debtor_id"), row.getString("campaign_id"),
                    row.getString("agent_id"), row.getBigDecimal("amount"), row.getBigDecimal("due_then"),
                    ZoneId.of(row.getString("time_zone")), row.getBoolean("checked")));
        }
        return out;
    }

    public void promiseChecked(WatchedPromise promise) {
        session.execute(promiseChecked.bind(promise.dueDate(), promise.caseId(), promise.attemptId()).setIdempotent(true));
    }

    private static BoundStatementBuilder bindTask(BoundStatementBuilder row, FollowUpTask task, Instant now) {
        row.setString("task_id", task.taskId())
                .setString("case_id", task.caseId())
                .setString("debtor_id", task.debtorId())
                .setString("campaign_id", task.campaignId())
                .setString("agent_id", task.agentId())
                .setString("rule", task.rule())
                .setString("kind", task.kind().name())
                .setString("template", task.template())
                .setString("queue", task.queue())
                .setString("escalate_to", task.escalateTo())
                .setInstant("due_at", task.dueAt())
                .setInstant("deadline", task.deadline())
                .setString("status", task.status().name())
                .setInt("attempts", task.attempts())
                .setString("last_error", task.lastError())
                .setInstant("created_at", task.createdAt())
                .setInstant("updated_at", now);
        task.promise().ifPresent(p -> row.setBigDecimal("promised_amount", p.amount())
                .setLocalDate("promised_for", p.promisedFor()));
        return row;
    }

    private static FollowUpTask taskFrom(Row row) {
        Optional<Disposition.PromiseToPay> promise = row.isNull("promised_amount") ? Optional.empty()
                : Optional.of(new Disposition.PromiseToPay(row.getBigDecimal("promised_amount"),
                        row.getLocalDate("promised_for")));
        return new FollowUpTask(row.getString("task_id"), row.getString("case_id"), row.getString("debtor_id"),
                row.getString("campaign_id"), row.getString("agent_id"), row.getString("rule"),
                TaskKind.valueOf(row.getString("kind")), row.getString("template"), row.getString("queue"),
                row.getString("escalate_to"), row.getInstant("due_at"), row.getInstant("deadline"),
                TaskStatus.valueOf(row.getString("status")), row.getInt("attempts"),
                Objects.requireNonNullElse(row.getString("last_error"), ""), promise, row.getInstant("created_at"));
    }
}
