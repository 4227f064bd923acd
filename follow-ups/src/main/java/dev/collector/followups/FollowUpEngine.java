package dev.collector.followups;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.followups.cases.CaseFacts;
import dev.collector.followups.channels.Mailer;
import dev.collector.followups.channels.MessageTemplates;
import dev.collector.followups.channels.SmsGateway;
import dev.collector.followups.execution.CarryingOutTask;
import dev.collector.followups.planning.PlanningFollowUps;
import dev.collector.followups.promises.DetectingBrokenPromises;
import dev.collector.followups.rules.RuleBook;
import dev.collector.followups.sla.EscalatingOverdueTask;
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
 * Runs follow-ups: plans tasks from outcomes and attempts, and sweeps the durable schedule for
 * entries that came due (a task to carry out, a deadline to check) and for broken promises. All of
 * it on one thread of its own, one thing at a time, so none of it races and none of it blocks a
 * caller or an event loop. Everything it needs after a restart is in Cassandra: entries that came
 * due while it was down run on the first sweep.
 */
public final class FollowUpEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FollowUpEngine.class);

    private final CassandraFollowUpStore store;
    private final PlanningFollowUps planning;
    private final CarryingOutTask carryingOut;
    private final EscalatingOverdueTask escalating;
    private final DetectingBrokenPromises brokenPromises;
    private final Clock clock;
    private final FollowUpSettings settings;
    private final java.util.concurrent.ScheduledThreadPoolExecutor thread;
    /** Causes whose planning failed, journaled until planned; the engine's thread alone touches it. */
    private final dev.collector.followups.planning.PendingPlans pendingPlans;
    private Instant nextBucket;

    public FollowUpEngine(CassandraFollowUpStore store, RuleBook rules, CaseFacts facts, ContactHistory history,
            SmsGateway sms, Mailer mail, MessageTemplates templates, FollowUpSettings settings, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.planning = new PlanningFollowUps(rules, store, facts, history);
        this.escalating = new EscalatingOverdueTask(store);
        this.carryingOut = new CarryingOutTask(store, facts, sms, mail, templates, settings.contactWindow(),
                settings.retries(), escalating);
        Instant now = clock.instant();
        this.brokenPromises = new DetectingBrokenPromises(store, facts, planning, now);
        this.nextBucket = store.scheduleSweptTo().orElseGet(() -> {
            // the first start: kept at once, or a restart would begin its sweep at its own "now"
            // and pass over whatever came due in between
            Instant first = CassandraFollowUpStore.bucketOf(now);
            store.scheduleSweptTo(first);
            return first;
        });
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
            log.info("Planning the follow-ups of {} attempts and outcomes an earlier run could not plan", recovered.size());
        }
        for (Object cause : recovered) {
            if (cause instanceof Outcome outcome) {
                outcomeRecorded(outcome);
            } else if (cause instanceof CallAttempt attempt) {
                attemptRecorded(attempt);
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
        return withRetries(() -> {
            if (outcome.disposition() instanceof Disposition.PromiseToPay p) {
                brokenPromises.watching(p.promisedFor());
            }
            List<FollowUpTask> created = planning.outcomeRecorded(outcome, clock.instant());
            created.forEach(task -> sweepFrom(task.dueAt()));
            return created;
        }, "the outcome of " + outcome.attemptId(), outcome);
    }

    public CompletableFuture<List<FollowUpTask>> attemptRecorded(CallAttempt attempt) {
        return withRetries(() -> {
            List<FollowUpTask> created = planning.attemptRecorded(attempt, clock.instant());
            created.forEach(task -> sweepFrom(task.dueAt()));
            return created;
        }, "attempt " + attempt.attemptId(), attempt);
    }

    /** One sweep now, on the engine's thread: due tasks run, passed deadlines escalate, broken promises found. */
    public CompletableFuture<Void> sweepNow() {
        return CompletableFuture.runAsync(this::sweep, thread);
    }

    /** A person did a queued or escalated task (sent the letter, made the call). */
    public CompletableFuture<Optional<FollowUpTask>> complete(String taskId) {
        return CompletableFuture.supplyAsync(() -> store.find(taskId).map(task -> {
            if (task.status() != TaskStatus.QUEUED && task.status() != TaskStatus.ESCALATED) {
                return task;
            }
            store.dequeue(task.queue(), task.taskId());
            FollowUpTask done = task.withStatus(TaskStatus.DONE);
            store.save(done, clock.instant());
            return done;
        }), thread);
    }

    public CassandraFollowUpStore store() {
        return store;
    }

    private void sweep() {
        Instant now = clock.instant();
        Instant current = CassandraFollowUpStore.bucketOf(now);
        boolean prefixEmpty = true;
        for (Instant bucket = nextBucket; !bucket.isAfter(current); bucket = bucket.plus(Duration.ofHours(1))) {
            boolean handledAll = true;
            for (ScheduleEntry entry : store.dueIn(bucket, now)) {
                try {
                    handle(entry, now);
                    store.unschedule(entry);
                } catch (RuntimeException e) {
                    handledAll = false;
                    log.warn("Follow-up {} ({}) not handled, tried again next sweep: {}", entry.taskId(),
                            entry.purpose(), e.toString());
                }
            }
            // a past bucket is finished when nothing is left in it at all; the current one never is
            if (prefixEmpty && handledAll && bucket.isBefore(current)
                    && store.dueIn(bucket, bucket.plus(Duration.ofHours(1))).isEmpty()) {
                nextBucket = bucket.plus(Duration.ofHours(1));
                store.scheduleSweptTo(nextBucket);
            } else {
                prefixEmpty = false;
            }
        }
        brokenPromises.check(now);
    }

    private void handle(ScheduleEntry entry, Instant now) {
        Optional<FollowUpTask> found = store.find(entry.taskId());
        if (found.isEmpty()) {
            return; // its creation did not finish: nothing to do
        }
        FollowUpTask task = found.get();
        if (entry.purpose() == ScheduleEntry.Purpose.DEADLINE) {
            escalating.deadlineReached(task, now);
        } else if (task.status() == TaskStatus.PENDING && !task.dueAt().isAfter(now)) {
            FollowUpTask after = carryingOut.run(task, now);
            if (after.status() == TaskStatus.PENDING) {
                sweepFrom(after.dueAt());
            }
        }
    }

    /** An entry was scheduled: the sweep must (still) look at its bucket. */
    private void sweepFrom(Instant dueAt) {
        Instant bucket = CassandraFollowUpStore.bucketOf(dueAt);
        if (bucket.isBefore(nextBucket)) {
            nextBucket = bucket;
            store.scheduleSweptTo(nextBucket);
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
