package dev.collector.followups;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.Outcome;
import dev.collector.followups.cases.CaseFacts;
import dev.collector.followups.channels.Mailer;
import dev.collector.followups.channels.MessageTemplates;
import dev.collector.followups.channels.SmsGateway;
import dev.collector.followups.claims.Claims;
import dev.collector.followups.execution.CarryingOutTask;
import dev.collector.followups.planning.PlanningFollowUps;
import dev.collector.followups.promises.DetectingBrokenPromises;
import dev.collector.followups.rules.RuleBook;
import dev.collector.followups.sla.EscalatingOverdueTask;
import dev.collector.followups.stages.PlanningStageActions;
import dev.collector.followups.stages.StageEntered;
import dev.collector.followups.store.CassandraFollowUpStore;
import dev.collector.followups.store.ScheduleEntry;
import dev.collector.followups.task.FollowUpTask;
import dev.collector.followups.task.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs follow-ups: plans tasks from outcomes, attempts and strategy stages, and sweeps the durable
 * schedule for entries that came due (a task to carry out, a deadline to check) and for broken
 * promises. All of it on one thread of its own, one thing at a time, so none of it races within the
 * node and none of it blocks a caller or an event loop. Everything it needs after a restart is in
 * Cassandra: entries that came due while it was down run on the first sweep.
 *
 * <p>Every node of a cluster runs an engine over the same keyspace, and they all see the same due
 * entries. So that a debtor gets one SMS and an overdue task one escalation, an engine acts on a
 * task only while it holds the task's claim ({@link Claims}, a lightweight transaction with an
 * expiry): whoever wins it carries the entry out, the others pass it by and leave the bucket open.
 * An engine that dies holding claims leaves them to lapse, and another engine carries the entries
 * out on its first sweep after that. The sweep cursor is shared and moves only by compare-and-set
 * (see {@link CassandraFollowUpStore}), so no engine moves it past an entry still to be done.
 */
public final class FollowUpEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FollowUpEngine.class);

    private final CassandraFollowUpStore store;
    private final PlanningFollowUps planning;
    private final CarryingOutTask carryingOut;
    private final EscalatingOverdueTask escalating;
    private final DetectingBrokenPromises brokenPromises;
    private final PlanningStageActions stageActions;
    private final Claims claims;
    private final Clock clock;
    private final FollowUpSettings settings;
    private final java.util.concurrent.ScheduledThreadPoolExecutor thread;
    /** Causes whose planning failed, journaled until planned; the engine's thread alone touches it. */
    private final dev.collector.followups.planning.PendingPlans pendingPlans;

    public FollowUpEngine(CassandraFollowUpStore store, RuleBook rules, CaseFacts facts, ContactHistory history,
            SmsGateway sms, Mailer mail, MessageTemplates templates, FollowUpSettings settings, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.planning = new PlanningFollowUps(rules, store, facts, history);
        this.stageActions = new PlanningStageActions(store);
        this.escalating = new EscalatingOverdueTask(store);
        this.carryingOut = new CarryingOutTask(store, facts, sms, mail, templates, settings.contactWindow(),
                settings.retries(), escalating);
        // a name of its own per running engine: two engines of one JVM (or a restarted node) are
        // different holders, so a claim left by a dead run is never mistaken for this run's
        this.claims = new Claims(store, "follow-ups-" + ProcessHandle.current().pid() + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8), settings.claimExpiry());
        Instant now = clock.instant();
        this.brokenPromises = new DetectingBrokenPromises(store, facts, planning, claims, now);
        // the first start of a keyspace sets the cursor at once, or a restart would begin its sweep
        // at its own "now" and pass over whatever came due in between; later starts find it set
        store.startScheduleSweep(CassandraFollowUpStore.bucketOf(now));
        this.pendingPlans = dev.collector.followups.planning.PendingPlans.open(settings.pendingJournal());
        this.thread = new java.util.concurrent.ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "follow-ups");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Sweeps every {@code settings.pollInterval()} from now on, after planning again what an earlier
     * run could not (its pending journal).
     */
    public FollowUpEngine start() {
        List<Object> recovered = pendingPlans.recovered();
        if (!recovered.isEmpty()) {
            log.info("Planning the follow-ups of {} attempts, outcomes and stages an earlier run could not plan", recovered.size());
        }
        for (Object cause : recovered) {
            if (cause instanceof Outcome outcome) {
                outcomeRecorded(outcome);
            } else if (cause instanceof CallAttempt attempt) {
                attemptRecorded(attempt);
            } else if (cause instanceof StageEntered stage) {
                stageEntered(stage);
            }
        }
        long every = settings.pollInterval().toMillis();
        thread.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("Follow-up sweep failed, next one in {} ms: {}", every, e.toString());
            }
        }, 0, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Tells {@code listener} of every broken promise found (on the follow-ups thread: do not block it long). */
    public FollowUpEngine whenPromiseBroken(java.util.function.Consumer<dev.collector.followups.store.WatchedPromise> listener) {
        brokenPromises.whenBroken(listener);
        return this;
    }

    /**
     * Plans the outcome's follow-ups; tried again with backoff for as long as Cassandra (or the call
     * list) fails, the outcome journaled meanwhile so that a restart does not forget it.
     */
    public CompletableFuture<List<FollowUpTask>> outcomeRecorded(Outcome outcome) {
        // the store keeps the shared sweep cursors behind every entry and promise it writes
        return withRetries(() -> planning.outcomeRecorded(outcome, clock.instant()),
                "the outcome of " + outcome.attemptId(), outcome);
    }

    public CompletableFuture<List<FollowUpTask>> attemptRecorded(CallAttempt attempt) {
        return withRetries(() -> planning.attemptRecorded(attempt, clock.instant()),
                "attempt " + attempt.attemptId(), attempt);
    }

    /**
     * A case entered a stage of its strategy: its SMS, e-mail, letter and agency actions become
     * tasks, once per case and stage whichever node (or restart) plans them again.
     */
    public CompletableFuture<List<FollowUpTask>> stageEntered(StageEntered stage) {
        return withRetries(() -> stageActions.stageEntered(stage, clock.instant()),
                "stage " + stage.stageKey() + " of case " + stage.caseId(), stage);
    }

    /** One sweep now, on the engine's thread: due tasks run, passed deadlines escalate, broken promises found. */
    public CompletableFuture<Void> sweepNow() {
        return CompletableFuture.runAsync(this::sweep, thread);
    }

    /**
     * A person did a queued or escalated task (sent the letter, made the call). Fails with
     * {@link IllegalStateException} while another node holds the task (escalating it, say): try again.
     */
    public CompletableFuture<Optional<FollowUpTask>> complete(String taskId) {
        return CompletableFuture.supplyAsync(() -> {
            Claims.Claim claim = claims.take("task/" + taskId, clock.instant()).orElseThrow(() ->
                    new IllegalStateException("follow-up " + taskId + " is being handled on another node; try again"));
            Optional<FollowUpTask> result = store.find(taskId).map(task -> {
                if (task.status() != TaskStatus.QUEUED && task.status() != TaskStatus.ESCALATED) {
                    return task;
                }
                store.dequeue(task.queue(), task.taskId());
                FollowUpTask done = task.withStatus(TaskStatus.DONE);
                store.save(done, clock.instant());
                return done;
            });
            claim.release();
            return result;
        }, thread);
    }

    public CassandraFollowUpStore store() {
        return store;
    }

    private void sweep() {
        Instant now = clock.instant();
        Instant current = CassandraFollowUpStore.bucketOf(now);
        // read every sweep, never kept: other nodes move it too
        Instant first = store.scheduleSweptTo().orElse(current);
        boolean prefixDone = true;
        for (Instant bucket = first; !bucket.isAfter(current); bucket = bucket.plus(Duration.ofHours(1))) {
            boolean handledAll = true;
            for (ScheduleEntry entry : store.dueIn(bucket, now)) {
                if (!carryOut(entry, now)) {
                    handledAll = false;
                }
            }
            // a past bucket is finished when nothing is left in it at all; the current one never is
            Instant next = bucket.plus(Duration.ofHours(1));
            if (prefixDone && handledAll && bucket.isBefore(current) && store.dueIn(bucket, next).isEmpty()) {
                if (!store.advanceScheduleSweep(bucket, next)) {
                    prefixDone = false; // another node moved the cursor: the next sweep starts where it is
                } else if (!store.dueIn(bucket, next).isEmpty()) {
                    // written while we advanced by a node that read the cursor before it moved: back to it
                    store.scheduleSweepMustSee(bucket);
                    prefixDone = false;
                }
            } else {
                prefixDone = false;
            }
        }
        brokenPromises.check(now);
    }

    /** @return whether the entry is done with (carried out here, or by another node before we had it) */
    private boolean carryOut(ScheduleEntry entry, Instant now) {
        Optional<Claims.Claim> claim = claims.take("task/" + entry.taskId(), now);
        if (claim.isEmpty()) {
            log.debug("Follow-up {} ({}) is claimed by another node", entry.taskId(), entry.purpose());
            return false;
        }
        try {
            handle(entry, now, claim.get());
            store.unschedule(entry);
        } catch (RuntimeException e) {
            log.warn("Follow-up {} ({}) not handled, tried again once its claim lapses ({}): {}", entry.taskId(),
                    entry.purpose(), settings.claimExpiry(), e.toString());
            return false;
        }
        claim.get().release();
        return true;
    }

    /**
     * Reads the task after the claim is taken, never before: another node may have carried the
     * entry out between our reading of the bucket and our claim, and the task's state says so (done,
     * due later, escalated), so nothing is done twice.
     */
    private void handle(ScheduleEntry entry, Instant now, Claims.Claim claim) {
        Optional<FollowUpTask> found = store.find(entry.taskId());
        if (found.isEmpty()) {
            return; // its creation did not finish: nothing to do
        }
        FollowUpTask task = found.get();
        if (entry.purpose() == ScheduleEntry.Purpose.DEADLINE) {
            escalating.deadlineReached(task, now);
        } else if (task.status() == TaskStatus.PENDING && !task.dueAt().isAfter(now)) {
            carryingOut.run(task, now, claim::fresh);
        }
    }

    /** How many planning attempts wait for a retry (their causes journaled). */
    public CompletableFuture<Integer> pendingPlans() {
        return CompletableFuture.supplyAsync(pendingPlans::size, thread);
    }

    private <T> CompletableFuture<T> withRetries(Callable<T> work, String what, Object cause) {
        CompletableFuture<T> result = new CompletableFuture<>();
        thread.execute(() -> attempt(work, what, cause, 1, result));
        return result;
    }

    /** Never gives up while the engine runs: an outage of any length ends with the follow-ups planned. */
    private <T> void attempt(Callable<T> work, String what, Object cause, int tryNumber, CompletableFuture<T> result) {
        try {
            T planned = work.call();
            // also for a first try: what an earlier run journaled is planned by a first try at start
            pendingPlans.planned(cause);
            if (tryNumber > 1) {
                log.info("Follow-ups of {} planned at try {}", what, tryNumber);
            }
            result.complete(planned);
        } catch (Exception e) {
            if (tryNumber == 1) {
                try {
                    pendingPlans.failed(cause);
                } catch (RuntimeException journalFailure) {
                    log.error("Follow-ups of {} could not be journaled while pending: {}", what,
                            journalFailure.toString());
                }
            }
            if (thread.isShutdown()) {
                log.warn("Follow-ups of {} not planned before shutdown; planned at the next start: {}", what,
                        e.toString());
                result.completeExceptionally(e);
                return;
            }
            Duration wait = settings.planningRetries().after(tryNumber);
            log.warn("Follow-ups of {} not planned (try {}), next try in {}: {}", what, tryNumber, wait, e.toString());
            try {
                thread.schedule(() -> attempt(work, what, cause, tryNumber + 1, result), wait.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException shutDown) {
                result.completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() {
        // planning retries waiting for their turn are dropped here: their causes are in the pending
        // journal and are planned at the next start
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            pendingPlans.close();
        } catch (java.io.IOException e) {
            log.warn("Closing the pending follow-ups journal: {}", e.toString());
        }
    }
}
