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
 * Cassandra (tables of migration V006), and the claims by which several nodes share the work (V009).
 * Blocking calls: used only from the follow-up engine's own thread, never from an event loop.
 *
 * <p>The two sweep cursors (the oldest schedule bucket and the oldest promise day that may still
 * hold work) are shared by every node, so they move only by lightweight transactions: forward from
 * the value a node read (IF next_bucket = the one it read), backward whenever an entry is written
 * behind them (IF next_bucket > the entry's bucket). A node can thus never move a cursor over an
 * entry another node wrote and did not see carried out; see {@link #schedule} and the engine's sweep.
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
    private final PreparedStatement promise;
    private final PreparedStatement takeClaim;
    private final PreparedStatement releaseClaim;
    private final PreparedStatement startScheduleSweep;
    private final PreparedStatement advanceScheduleSweep;
    private final PreparedStatement lowerScheduleSweep;
    private final PreparedStatement startPromiseSweep;
    private final PreparedStatement advancePromiseSweep;
    private final PreparedStatement lowerPromiseSweep;
    private final PreparedStatement recordActionCost;
    private final PreparedStatement actionCost;

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
        startScheduleSweep = session.prepare("INSERT INTO " + ks + "follow_up_sweeps (name, next_bucket) VALUES (?, ?) "
                + "IF NOT EXISTS");
        advanceScheduleSweep = session.prepare("UPDATE " + ks + "follow_up_sweeps SET next_bucket = ? WHERE name = ? "
                + "IF next_bucket = ?");
        lowerScheduleSweep = session.prepare("UPDATE " + ks + "follow_up_sweeps SET next_bucket = ? WHERE name = ? "
                + "IF next_bucket > ?");
        startPromiseSweep = session.prepare("INSERT INTO " + ks + "follow_up_sweeps (name, next_day) VALUES (?, ?) "
                + "IF NOT EXISTS");
        advancePromiseSweep = session.prepare("UPDATE " + ks + "follow_up_sweeps SET next_day = ? WHERE name = ? "
                + "IF next_day = ?");
        lowerPromiseSweep = session.prepare("UPDATE " + ks + "follow_up_sweeps SET next_day = ? WHERE name = ? "
                + "IF next_day > ?");
        takeClaim = session.prepare("INSERT INTO " + ks + "follow_up_claims (claim, holder, taken_at) VALUES (?, ?, ?) "
                + "IF NOT EXISTS USING TTL ?");
        releaseClaim = session.prepare("DELETE FROM " + ks + "follow_up_claims WHERE claim = ? IF holder = ?");
        recordActionCost = session.prepare("UPDATE " + ks + "follow_up_tasks SET action_cost = ? WHERE task_id = ?");
        actionCost = session.prepare("SELECT action_cost FROM " + ks + "follow_up_tasks WHERE task_id = ?");
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
        promise = session.prepare("SELECT due_date, case_id, attempt_id, debtor_id, campaign_id, agent_id, amount, "
                + "due_then, time_zone, checked FROM " + ks + "promises_by_due_date WHERE due_date = ? AND case_id = ? "
                + "AND attempt_id = ?");
    }

    /** Prepares the statements; the keyspace's migrations (V006, V009) must be applied. Blocks: call at start. */
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

    /**
     * Writes the entry, then makes sure the shared sweep cursor is not past its bucket. The order
     * matters: a node that advanced the cursor over this bucket before the entry was written either
     * finds the entry when it looks at the bucket again after advancing (the engine does), or has
     * advanced before this read of the cursor, which then sees it past the bucket and lowers it.
     */
    public void schedule(String taskId, ScheduleEntry.Purpose purpose, Instant dueAt) {
        Instant bucket = bucketOf(dueAt);
        session.execute(schedule.bind(bucket, dueAt, taskId, purpose.name()).setIdempotent(true));
        scheduleSweepMustSee(bucket);
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

    /** The oldest bucket that may still hold entries, as every node sees it. */
    public Optional<Instant> scheduleSweptTo() {
        return Optional.ofNullable(session.execute(readSweep.bind(SCHEDULE_SWEEP)).one())
                .map(row -> row.getInstant("next_bucket"));
    }

    /** The first node of a keyspace starts the cursor; a later one finds it set and leaves it. */
    public void startScheduleSweep(Instant bucket) {
        session.execute(startScheduleSweep.bind(SCHEDULE_SWEEP, bucket));
    }

    /**
     * Moves the cursor from the bucket this node read to the next one, unless another node moved it
     * meanwhile (then nothing happens, and the next sweep starts from where it stands).
     *
     * @return whether this node moved it
     */
    public boolean advanceScheduleSweep(Instant from, Instant to) {
        return session.execute(advanceScheduleSweep.bind(to, SCHEDULE_SWEEP, from)).wasApplied();
    }

    /** An entry lies in {@code bucket}: a cursor past it comes back to it. */
    public void scheduleSweepMustSee(Instant bucket) {
        Optional<Instant> cursor = scheduleSweptTo();
        if (cursor.isEmpty()) {
            startScheduleSweep(bucket);
        }
        if (cursor.isEmpty() || cursor.get().isAfter(bucket)) {
            session.execute(lowerScheduleSweep.bind(bucket, SCHEDULE_SWEEP, bucket));
        }
    }

    /** The oldest promise day not yet fully checked, as every node sees it. */
    public Optional<LocalDate> promisesCheckedTo() {
        return Optional.ofNullable(session.execute(readSweep.bind(PROMISE_SWEEP)).one())
                .map(row -> row.getLocalDate("next_day"));
    }

    public void startPromiseSweep(LocalDate day) {
        session.execute(startPromiseSweep.bind(PROMISE_SWEEP, day));
    }

    /** @return whether this node moved the promise cursor from {@code from} to {@code to} */
    public boolean advancePromiseSweep(LocalDate from, LocalDate to) {
        return session.execute(advancePromiseSweep.bind(to, PROMISE_SWEEP, from)).wasApplied();
    }

    /** A promise falls due on {@code day}: a cursor past it comes back to it (same reasoning as the schedule's). */
    public void promiseSweepMustSee(LocalDate day) {
        Optional<LocalDate> cursor = promisesCheckedTo();
        if (cursor.isEmpty()) {
            startPromiseSweep(day);
        }
        if (cursor.isEmpty() || cursor.get().isAfter(day)) {
            session.execute(lowerPromiseSweep.bind(day, PROMISE_SWEEP, day));
        }
    }

    // --- claims (V009) -------------------------------------------------------------------------

    /**
     * Takes the claim unless someone holds it (a lightweight transaction: of nodes racing for it,
     * one wins). It lapses after {@code expiry} unless released first.
     *
     * @return whether {@code holder} has it now
     */
    public boolean claim(String claim, String holder, Instant now, java.time.Duration expiry) {
        int ttl = (int) Math.max(1, expiry.toSeconds());
        return session.execute(takeClaim.bind(claim, holder, now, ttl)).wasApplied();
    }

    /** Lets the claim go if {@code holder} still has it (a lapsed one may be another node's by now). */
    public void releaseClaim(String claim, String holder) {
        session.execute(releaseClaim.bind(claim, holder));
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

    /** Watches the promise (once: a second watch of it changes nothing) and keeps its day in the sweep. */
    public void watch(WatchedPromise promise) {
        session.execute(watchPromise.bind(promise.dueDate(), promise.caseId(), promise.attemptId(), promise.debtorId(),
                promise.campaignId(), promise.agentId(), promise.amount(), promise.dueThen(),
                promise.timeZone().getId()));
        promiseSweepMustSee(promise.dueDate());
    }

    /** The promise as it stands now (another node may have judged it since a day's list was read). */
    public Optional<WatchedPromise> promise(LocalDate dueDate, String caseId, String attemptId) {
        return Optional.ofNullable(session.execute(this.promise.bind(dueDate, caseId, attemptId)).one())
                .map(CassandraFollowUpStore::promiseFrom);
    }

    public List<WatchedPromise> promisesDue(LocalDate day) {
        List<WatchedPromise> out = new ArrayList<>();
        for (Row row : session.execute(promisesDue.bind(day))) {
            out.add(promiseFrom(row));
        }
        return out;
    }

    private static WatchedPromise promiseFrom(Row row) {
        return new WatchedPromise(row.getLocalDate("due_date"), row.getString("case_id"),
                row.getString("attempt_id"), row.getString("debtor_id"), row.getString("campaign_id"),
                row.getString("agent_id"), row.getBigDecimal("amount"), row.getBigDecimal("due_then"),
                ZoneId.of(row.getString("time_zone")), row.getBoolean("checked"));
    }

    // --- strategy actions ----------------------------------------------------------------------

    /** What the strategy's action behind the task costs (V009's action_cost). */
    public void recordActionCost(String taskId, java.math.BigDecimal cost) {
        session.execute(recordActionCost.bind(cost, taskId).setIdempotent(true));
    }

    public Optional<java.math.BigDecimal> actionCost(String taskId) {
        return Optional.ofNullable(session.execute(actionCost.bind(taskId)).one())
                .map(row -> row.getBigDecimal("action_cost"));
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
