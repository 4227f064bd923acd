package dev.collector.app.strategies;

import com.hazelcast.core.HazelcastInstance;
import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.console.reports.ReportsPage;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.followups.store.WatchedPromise;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.reports.ledger.CassandraReportLedger;
import dev.collector.routing.skills.AgentProfile;
import dev.collector.strategies.book.InvalidStrategyBook;
import dev.collector.strategies.book.StrategyBook;
import dev.collector.strategies.segmentation.AssigningStrategy;
import dev.collector.strategies.segmentation.ReloadableStrategyBook;
import dev.collector.strategies.segmentation.Resegmenting;
import java.time.Clock;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segmentation, strategies and reports, wired: the rules (checked at start, reloaded when the file
 * changes), the tracked cases in Hazelcast, the hooks that segment a case again on every state
 * change (the CRM's updates, attempts and outcomes, broken promises) and the report page. Disabled,
 * every hook passes through and no page is served.
 */
public final class StrategyWiring {

    /** The Hazelcast map of tracked cases, to be persisted with the call list's maps. */
    public static final String TRACKED_CASES = HazelcastTrackedCases.MAP;
    private static final Logger log = LoggerFactory.getLogger(StrategyWiring.class);
    /** How often cases are segmented again for time alone (days past due crossing a bound). */
    static final java.time.Duration TIME_SWEEP = java.time.Duration.ofHours(6);

    private final Optional<StrategyRecording> recording;
    private final Optional<StrategyReports> reports;
    private final Clock clock;
    /** The seams the call list needs to follow each case's stage; empty when disabled. */
    private final Optional<Dialing> dialing;

    private record Dialing(Resegmenting resegmenting, QueueSteering steering, ExecutorService worker) {
    }

    private StrategyWiring(Optional<StrategyRecording> recording, Optional<StrategyReports> reports, Clock clock,
            Optional<Dialing> dialing) {
        this.recording = recording;
        this.reports = reports;
        this.clock = clock;
        this.dialing = dialing;
    }

    /**
     * @throws InvalidStrategyBook when the rules file has errors (each with its line): the node does not start
     */
    public static StrategyWiring start(StrategyConfig config, HazelcastInstance hazelcast, CallList callList,
            OutcomeStore store, List<AgentProfile> profiles, Clock clock, Deque<AutoCloseable> started,
            dev.collector.app.followups.StrategyStageFollowUps stageFollowUps) {
        if (!config.enabled()) {
            return new StrategyWiring(Optional.empty(), Optional.empty(), clock, Optional.empty());
        }
        ReloadableStrategyBook book = ReloadableStrategyBook.open(config.rulesFile());
        StrategyBook rules = book.get();
        log.info("Strategies: {} segments, {} strategies from {} (experiment seed {})", rules.segments().size(),
                rules.strategies().size(), rules.origin(), rules.seed());
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon("strategies"));
        started.push(worker::shutdownNow);
        ExecutorService reading = Executors.newFixedThreadPool(2, daemon("reports"));
        started.push(reading::shutdownNow);
        ScheduledExecutorService reloading = Executors.newSingleThreadScheduledExecutor(daemon("strategies-reload"));
        started.push(reloading::shutdownNow);
        long every = config.reloadInterval().toMillis();
        reloading.scheduleWithFixedDelay(() -> reload(book), every, every, TimeUnit.MILLISECONDS);

        HazelcastTrackedCases trackedCases = new HazelcastTrackedCases(hazelcast);
        // a case moved into a stage: its SMS, e-mail, letter and agency actions become follow-up tasks
        Resegmenting resegmenting = new Resegmenting(new AssigningStrategy(book, clock),
                stageFollowUps.watching(trackedCases, book),
                caseId -> find(callList, caseId), debtorId -> disputeOpen(hazelcast, debtorId));
        CassandraReportLedger ledger = CassandraReportLedger.prepare(store.session(), store.keyspace());
        Map<String, String> teams = new HashMap<>();
        for (AgentProfile profile : profiles) {
            teams.put(profile.agentId(), String.join("+", new java.util.TreeSet<>(profile.teams())));
        }
        QueueSteering steering = new QueueSteering(hazelcast, clock, config.parkFor());
        ExecutorService dialingWorker = Executors.newFixedThreadPool(2, daemon("strategy-dialing"));
        started.push(dialingWorker::shutdownNow);
        StrategyRecording recording = new StrategyRecording(resegmenting, ledger, book,
                agent -> teams.getOrDefault(agent, ""), worker, steering::follow);
        // Days past due grow by the day: every few hours each member checks the cases it owns.
        long sweep = TIME_SWEEP.toMillis();
        reloading.scheduleWithFixedDelay(() -> {
            try {
                trackedCases.localCaseIds().forEach(recording::timePassed);
            } catch (RuntimeException e) {
                log.warn("Time sweep of tracked cases failed: {}", e.toString());
            }
        }, sweep, sweep, TimeUnit.MILLISECONDS);
        return new StrategyWiring(Optional.of(recording),
                Optional.of(new StrategyReports(ledger, reading, clock, config.confidence(), resegmenting::current)),
                clock, Optional.of(new Dialing(resegmenting, steering, dialingWorker)));
    }

    /** The contact history, segmenting each case again once its attempt or outcome is kept. */
    public ContactHistory recording(ContactHistory history) {
        return recording.<ContactHistory>map(r -> new SegmentingContactHistory(history, r)).orElse(history);
    }

    /** The call list as the CRM bridge should change it. */
    public CallList watching(CallList callList) {
        return recording.<CallList>map(r -> new SegmentingCallList(callList, r, dialing.orElseThrow().resegmenting(),
                dialing.orElseThrow().worker(), clock)).orElse(callList);
    }

    /**
     * The call list as the dialer should lease from it: a case whose strategy stage has no call is
     * given back and parked ({@link StageAwareDialing}).
     */
    public CallList dialing(CallList callList) {
        return dialing.<CallList>map(d -> new StageAwareDialing(callList, d.resegmenting(), d.steering(), d.worker()))
                .orElse(callList);
    }

    /** The holds as the CRM bridge should place them. */
    public ContactRestrictions watching(ContactRestrictions restrictions) {
        return recording.<ContactRestrictions>map(r -> new SegmentingRestrictions(restrictions, r)).orElse(restrictions);
    }

    /** For the follow-ups' broken-promise detection. */
    public void promiseBroken(WatchedPromise promise) {
        recording.ifPresent(r -> r.promiseBroken(promise.caseId()));
    }

    public Optional<ReportsPage> reportsPage() {
        return reports.map(r -> new ReportsPage(r, clock));
    }

    private static void reload(ReloadableStrategyBook book) {
        try {
            book.reloadIfChanged().ifPresent(rules -> log.info("Strategies reloaded from {}: {} segments, {} strategies",
                    rules.origin(), rules.segments().size(), rules.strategies().size()));
        } catch (InvalidStrategyBook e) {
            log.error("Strategies NOT reloaded, the rules in force stay: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Strategies not reloaded: {}", e.toString());
        }
    }

    /** The debtor's contact record holds an open dispute (read from the grid, where the guard keeps it). */
    private static boolean disputeOpen(HazelcastInstance hazelcast, String debtorId) {
        dev.collector.compliance.ledger.ContactRecord record = hazelcast
                .<String, dev.collector.compliance.ledger.ContactRecord>getMap(
                        dev.collector.casequeue.HazelcastCallList.CONTACT_RECORDS).get(debtorId);
        return record != null && record.holds().stream()
                .anyMatch(hold -> hold.reason() == dev.collector.compliance.ledger.HoldReason.DISPUTE_OPEN);
    }

    private static Optional<dev.collector.domain.casework.Case> find(CallList callList, String caseId) {
        try {
            return callList.find(caseId).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            throw new IllegalStateException("case " + caseId + " could not be read: " + e, e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
