package dev.collector.followups.promises;

import dev.collector.followups.cases.CaseFact;
import dev.collector.followups.cases.CaseFacts;
import dev.collector.followups.claims.Claims;
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
 * {@code promises_by_due_date}, from the oldest day not yet fully checked (a cursor every node shares).
 *
 * <p>Every node sweeps the same days, so each promise is judged under a claim ({@link Claims}): one
 * node at a time, and only if it is still unchecked when that node has the claim. The strategy's
 * tasks are created once whoever plans them (their ids derive from the promise), and the listeners
 * (segmentation counts broken promises) hear of each broken promise once.
 */
public final class DetectingBrokenPromises {

    private static final Logger log = LoggerFactory.getLogger(DetectingBrokenPromises.class);

    private final CassandraFollowUpStore store;
    private final CaseFacts facts;
    private final PlanningFollowUps planning;
    private final Claims claims;
    /** Told of each broken promise once it is planned for (segmentation moves the case on). */
    private final java.util.List<java.util.function.Consumer<WatchedPromise>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public DetectingBrokenPromises(CassandraFollowUpStore store, CaseFacts facts, PlanningFollowUps planning,
            Claims claims, Instant now) {
        this.store = store;
        this.facts = facts;
        this.planning = planning;
        this.claims = claims;
        // the first node of a keyspace starts the cursor; the others find it
        store.startPromiseSweep(utcDay(now).minusDays(1));
    }

    /** Also tell {@code listener} of every broken promise found from now on (on the sweeping thread). */
    public void whenBroken(java.util.function.Consumer<WatchedPromise> listener) {
        listeners.add(listener);
    }

    /** @return how many broken promises were found */
    public int check(Instant now) {
        int broken = 0;
        boolean prefixDone = true;
        LocalDate first = store.promisesCheckedTo().orElse(utcDay(now).minusDays(1));
        for (LocalDate day = first; !day.isAfter(utcDay(now)); day = day.plusDays(1)) {
            boolean allChecked = true;
            for (WatchedPromise listed : store.promisesDue(day)) {
                if (listed.checked()) {
                    continue;
                }
                Instant passed = day.plusDays(1).atStartOfDay(listed.timeZone()).toInstant();
                if (now.isBefore(passed)) {
                    allChecked = false;
                    continue;
                }
                Optional<Claims.Claim> claim = claims.take("promise/" + day + "/" + listed.caseId() + "/"
                        + listed.attemptId(), now);
                if (claim.isEmpty()) {
                    allChecked = false; // another node judges it now (or its claim lapses first)
                    continue;
                }
                // the list was read before the claim: another node may have judged it in between
                Optional<WatchedPromise> current = store.promise(day, listed.caseId(), listed.attemptId());
                if (current.isPresent() && !current.get().checked()) {
                    if (judge(current.get(), now)) {
                        broken++;
                    }
                }
                // not released after a failure (judge throws): the claim lapses and the promise is judged again
                claim.get().release();
            }
            // a day is finished once every zone has left it (UTC-12 leaves it at 12:00 UTC next day)
            boolean everyZonePast = !now.isBefore(day.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC));
            if (prefixDone && allChecked && everyZonePast) {
                LocalDate next = day.plusDays(1);
                if (!store.advancePromiseSweep(day, next)) {
                    prefixDone = false; // another node moved the cursor: the next check starts where it is
                } else if (store.promisesDue(day).stream().anyMatch(p -> !p.checked())) {
                    // watched while we advanced, by a node that read the cursor before it moved
                    store.promiseSweepMustSee(day);
                    prefixDone = false;
                }
            } else {
                prefixDone = false;
            }
        }
        return broken;
    }

    /** @return whether it was broken */
    private boolean judge(WatchedPromise promise, Instant now) {
        boolean broken = isBroken(promise);
        if (broken) {
            log.info("Promise of case {} due {} broken", promise.caseId(), promise.dueDate()); // the amount stays out of logs
            planning.promiseBroken(promise, now);
        }
        store.promiseChecked(promise);
        // after it is marked checked: a node that fails before this point leaves it to be judged again,
        // and the listeners hear of it once
        if (broken) {
            for (java.util.function.Consumer<WatchedPromise> listener : listeners) {
                try {
                    listener.accept(promise);
                } catch (RuntimeException e) {
                    log.warn("A listener failed on the broken promise of case {}: {}", promise.caseId(), e.toString());
                }
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
