package dev.collector.outcomes.journal;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ContactHistory} that loses nothing while Cassandra is unreachable. A write goes to the
 * store; if the store fails it, the attempt or outcome is appended to a local journal (forced to
 * disk) and the caller is told it is kept. While the journal holds anything, new writes go to its
 * end too, so the store receives everything in the order it was recorded. Every
 * {@code replayInterval} the journal is replayed in order; when every entry is in the store the
 * journal is emptied. Store writes are idempotent (keyed by attempt id), so an entry replayed twice
 * (a crash between replay and emptying) is not doubled.
 *
 * <p>Never blocks the caller: store writes are asynchronous, and the journal's file I/O runs on its
 * own thread. Reads go to the store: an entry still in the journal is not read back until replayed.
 */
public final class JournaledContactHistory implements ContactHistory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JournaledContactHistory.class);

    private final ContactHistory store;
    private final OutcomeJournal journal;
    private final Duration replayTimeout;
    /** Owns the journal: appends, replays and clearing run one at a time, in submission order. */
    private final ScheduledExecutorService journalThread;
    /** Entries in the journal not yet replayed; 0 means writes go straight to the store. */
    private final AtomicLong backlog = new AtomicLong();

    private JournaledContactHistory(ContactHistory store, OutcomeJournal journal, Duration replayTimeout) {
        this.store = store;
        this.journal = journal;
        this.replayTimeout = replayTimeout;
        this.journalThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outcome-journal");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the journal; entries left there by an earlier run are replayed first.
     *
     * @param replayInterval how often the journal is replayed while it holds entries
     * @param replayTimeout  how long one store write may take during replay before the replay
     *                       gives up until the next round
     */
    public static JournaledContactHistory open(ContactHistory store, java.nio.file.Path journalFile,
            Duration replayInterval, Duration replayTimeout) {
        Objects.requireNonNull(store, "store");
        OutcomeJournal journal = OutcomeJournal.open(journalFile);
        JournaledContactHistory history = new JournaledContactHistory(store, journal, replayTimeout);
        try {
            int left = journal.readAll().size();
            history.backlog.set(left);
            if (left > 0) {
                log.warn("Outcome journal {} holds {} entries from an earlier run: replaying them", journalFile, left);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the outcome journal " + journalFile, e);
        }
        long every = replayInterval.toMillis();
        history.journalThread.scheduleWithFixedDelay(history::replay, 0, every, TimeUnit.MILLISECONDS);
        return history;
    }

    @Override
    public CompletionStage<Void> recordAttempt(CallAttempt attempt) {
        return write(attempt, store::recordAttempt);
    }

    @Override
    public CompletionStage<Void> recordOutcome(Outcome outcome) {
        return write(outcome, store::recordOutcome);
    }

    @Override
    public CompletionStage<List<CallAttempt>> attemptsOf(String caseId) {
        return store.attemptsOf(caseId);
    }

    @Override
    public CompletionStage<List<Outcome>> outcomesOf(String caseId) {
        return store.outcomesOf(caseId);
    }

    /** Entries kept in the journal and not yet in the store. */
    public long backlog() {
        return backlog.get();
    }

    private <T> CompletionStage<Void> write(T entry, Function<T, CompletionStage<Void>> toStore) {
        Objects.requireNonNull(entry, "entry");
        if (backlog.get() > 0) {
            return appendToJournal(entry);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        toStore.apply(entry).whenComplete((ok, failure) -> {
            if (failure == null) {
                done.complete(null);
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof IllegalArgumentException) {
                // an invalid entry would fail again on every replay: the caller must hear of it
                done.completeExceptionally(cause);
                return;
            }
            log.warn("Store write of {} failed ({}): keeping it in the journal", describe(entry), cause.toString());
            appendToJournal(entry).whenComplete((kept, journalFailure) -> {
                if (journalFailure != null) {
                    done.completeExceptionally(journalFailure);
                } else {
                    done.complete(null);
                }
            });
        });
        return done;
    }

    private CompletionStage<Void> appendToJournal(Object entry) {
        byte[] record = JournalCodec.encode(entry);
        return CompletableFuture.runAsync(() -> {
            try {
                journal.append(record);
                backlog.incrementAndGet();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot append to the outcome journal " + journal.file(), e);
            }
        }, journalThread);
    }

    /** On the journal thread: everything in the journal to the store, in order, or nothing cleared. */
    private void replay() {
        if (backlog.get() == 0) {
            return;
        }
        try {
            List<byte[]> records = journal.readAll();
            for (byte[] record : records) {
                Object entry = JournalCodec.decode(record);
                CompletionStage<Void> write = entry instanceof CallAttempt attempt
                        ? store.recordAttempt(attempt) : store.recordOutcome((Outcome) entry);
                write.toCompletableFuture().get(replayTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            journal.clear();
            backlog.set(0);
            log.info("Outcome journal replayed: {} entries now in the store", records.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Outcome journal replay stopped ({}); next try in a moment", e.toString());
        }
    }

    private static String describe(Object entry) {
        if (entry instanceof Outcome o) {
            return "outcome of attempt " + o.attemptId();
        }
        if (entry instanceof CallAttempt a) {
            return "attempt " + a.attemptId();
        }
        return String.valueOf(entry);
    }

    /** Stops replaying; what is still in the journal is replayed by the next run. */
    @Override
    public void close() {
        journalThread.shutdown();
        try {
            journalThread.awaitTermination(10, TimeUnit.SECONDS);
            journal.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.warn("Closing the outcome journal: {}", e.toString());
        }
    }
}
