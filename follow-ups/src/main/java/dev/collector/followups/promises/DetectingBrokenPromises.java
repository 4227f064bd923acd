package dev.collector.followups.promises;

import dev.collector.followups.cases.CaseFact;
import dev.collector.followups.cases.CaseFacts;
import dev.collector.followups.planning.PlanningFollowUps;
import dev.collector.followups.store.CassandraFollowUpStore;
import dev.collector.followups.store.WatchedPromise;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds promises whose date has passed in the debtor's zone without the payment: the case still
 * open and owing more than it did when the promise was made, less the amount promised. Each such
 * promise gets the strategy's broken-promise follow-ups. Promises are read a day at a time from
 * {@code promises_by_due_date}, from the oldest day not yet fully checked.
 */
public final class DetectingBrokenPromises {

    private static final Logger log = LoggerFactory.getLogger(DetectingBrokenPromises.class);

    private final CassandraFollowUpStore store;
    private final CaseFacts facts;
    private final PlanningFollowUps planning;
    /** Told of each broken promise once it is planned for (segmentation moves the case on). */
    private final java.util.List<java.util.function.Consumer<WatchedPromise>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private LocalDate nextDay;

    public DetectingBrokenPromises(CassandraFollowUpStore store, CaseFacts facts, PlanningFollowUps planning,
            Instant now) {
        this.store = store;
        this.facts = facts;
        this.planning = planning;
        this.nextDay = store.promisesCheckedTo().orElseGet(() -> {
            LocalDate first = utcDay(now).minusDays(1);
            store.promisesCheckedTo(first);
            return first;
        });
    }

    /** Also tell {@code listener} of every broken promise found from now on (on the sweeping thread). */
    public void whenBroken(java.util.function.Consumer<WatchedPromise> listener) {
        listeners.add(listener);
    }

    /** A promise was watched for this day: the sweep must not have passed it already. */
    public void watching(LocalDate dueDate) {
        if (dueDate.isBefore(nextDay)) {
            nextDay = dueDate;
            store.promisesCheckedTo(nextDay);
        }
    }

    /** @return how many broken promises were found */
    public int check(Instant now) {
        int broken = 0;
        boolean prefixDone = true;
        for (LocalDate day = nextDay; !day.isAfter(utcDay(now)); day = day.plusDays(1)) {
            boolean allChecked = true;
            for (WatchedPromise promise : store.promisesDue(day)) {
                if (promise.checked()) {
                    continue;
                }
                Instant passed = day.plusDays(1).atStartOfDay(promise.timeZone()).toInstant();
                if (now.isBefore(passed)) {
                    allChecked = false;
                    continue;
                }
                if (isBroken(promise)) {
                    log.info("Promise of case {} due {} broken", promise.caseId(), day); // the amount stays out of logs
                    planning.promiseBroken(promise, now);
                    for (java.util.function.Consumer<WatchedPromise> listener : listeners) {
                        try {
                            listener.accept(promise);
                        } catch (RuntimeException e) {
                            log.warn("A listener failed on the broken promise of case {}: {}", promise.caseId(), e.toString());
                        }
                    }
                    broken++;
                }
                store.promiseChecked(promise);
            }
            // a day is finished once every zone has left it (UTC-12 leaves it at 12:00 UTC next day)
            boolean everyZonePast = !now.isBefore(day.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC));
            if (prefixDone && allChecked && everyZonePast) {
                nextDay = day.plusDays(1);
                store.promisesCheckedTo(nextDay);
            } else {
                prefixDone = false;
            }
        }
        return broken;
    }

    private boolean isBroken(WatchedPromise promise) {
        Optional<CaseFact> fact;
        try {
            fact = facts.current(promise.caseId()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("reading case " + promise.caseId() + " failed: " + e.getMessage(), e);
        }
        if (fact.isEmpty() || !fact.get().open()) {
            return false;
        }
        BigDecimal paid = promise.dueThen().subtract(fact.get().aCase().totalDue());
        return paid.compareTo(promise.amount()) < 0;
    }

    private static LocalDate utcDay(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
