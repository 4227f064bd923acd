package dev.collector.followups.planning;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.followups.cases.CaseFact;
import dev.collector.followups.cases.CaseFacts;
import dev.collector.followups.rules.FollowUpRule;
import dev.collector.followups.rules.RuleBook;
import dev.collector.followups.rules.Trigger;
import dev.collector.followups.store.CassandraFollowUpStore;
import dev.collector.followups.store.WatchedPromise;
import dev.collector.followups.task.FollowUpTask;
import dev.collector.followups.task.TaskStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what happened to a case (an outcome, an attempt, a broken promise) into follow-up tasks by
 * the rules of the campaign's strategy. Task ids derive from the cause and the rule, and tasks are
 * created only if absent, so planning the same cause twice creates nothing new. Due times derive
 * from the cause's own time, not the clock's, for the same reason.
 */
public final class PlanningFollowUps {

    private static final Logger log = LoggerFactory.getLogger(PlanningFollowUps.class);

    private final RuleBook rules;
    private final CassandraFollowUpStore store;
    private final CaseFacts facts;
    private final ContactHistory history;

    public PlanningFollowUps(RuleBook rules, CassandraFollowUpStore store, CaseFacts facts, ContactHistory history) {
        this.rules = rules;
        this.store = store;
        this.facts = facts;
        this.history = history;
    }

    /** @return the tasks it created (none when planned before) */
    public List<FollowUpTask> outcomeRecorded(Outcome outcome, Instant now) {
        Optional<CaseFact> fact = fact(outcome.caseId());
        if (fact.isEmpty()) {
            log.warn("No follow-ups for the outcome of {}: case {} is unknown", outcome.attemptId(), outcome.caseId());
            return List.of();
        }
        Optional<Disposition.PromiseToPay> promise = outcome.disposition() instanceof Disposition.PromiseToPay p
                ? Optional.of(p) : Optional.empty();
        ZoneId zone = fact.get().aCase().timeZone();
        promise.ifPresent(p -> store.watch(new WatchedPromise(p.promisedFor(), outcome.caseId(), outcome.attemptId(),
                outcome.debtorId(), outcome.campaignId(), outcome.agentId(), p.amount(), fact.get().aCase().totalDue(),
                zone, false)));
        String code = outcome.disposition().code();
        return create(outcome.campaignId(), t -> t instanceof Trigger.OnDisposition on && on.code().equals(code),
                outcome.attemptId(), outcome.recordedAt(), zone, outcome.caseId(), outcome.debtorId(),
                outcome.agentId(), promise, now);
    }

    /** Counts the case's attempts since its last conversation; a rule fires when the count reaches its number. */
    public List<FollowUpTask> attemptRecorded(CallAttempt attempt, Instant now) {
        List<FollowUpRule> streakRules = rules.rulesFor(attempt.campaignId()).stream()
                .filter(r -> r.trigger() instanceof Trigger.AttemptsWithoutContact).toList();
        if (streakRules.isEmpty()) {
            return List.of();
        }
        Optional<CaseFact> fact = fact(attempt.caseId());
        if (fact.isEmpty()) {
            return List.of();
        }
        List<CallAttempt> attempts = join(history.attemptsOf(attempt.caseId()).toCompletableFuture());
        List<Outcome> outcomes = join(history.outcomesOf(attempt.caseId()).toCompletableFuture());
        Optional<Outcome> lastConversation = outcomes.stream()
                // a message left with someone else is no conversation with the debtor either
                .filter(o -> !(o.disposition() instanceof Disposition.NoContact)
                        && !(o.disposition() instanceof Disposition.WrongParty)
                        && !(o.disposition() instanceof Disposition.ThirdParty))
                .max(Comparator.comparing(Outcome::recordedAt));
        Instant since = lastConversation.map(Outcome::recordedAt).orElse(Instant.MIN);
        long streak = attempts.stream().filter(a -> a.dialedAt().isAfter(since)).count();
        String cause = "streak/" + attempt.caseId() + "/" + lastConversation.map(Outcome::attemptId).orElse("start")
                + "/" + streak;
        String agent = attempt.agentId().orElse("");
        return create(attempt.campaignId(),
                t -> t instanceof Trigger.AttemptsWithoutContact n && n.attempts() == streak,
                cause, attempt.endedAt(), fact.get().aCase().timeZone(), attempt.caseId(),
                fact.get().aCase().debtor().debtorId(), agent, Optional.empty(), now);
    }

    /** The promise's date passed without the payment: the strategy's broken-promise tasks. */
    public List<FollowUpTask> promiseBroken(WatchedPromise promise, Instant detectedAt) {
        return create(promise.campaignId(), t -> t instanceof Trigger.BrokenPromise, "broken/" + promise.attemptId(),
                detectedAt, promise.timeZone(), promise.caseId(), promise.debtorId(), promise.agentId(),
                Optional.of(new Disposition.PromiseToPay(promise.amount(), promise.dueDate())), detectedAt);
    }

    private List<FollowUpTask> create(String strategy, Predicate<Trigger> fires, String cause, Instant firedAt,
            ZoneId zone, String caseId, String debtorId, String agentId, Optional<Disposition.PromiseToPay> promise,
            Instant now) {
        List<FollowUpTask> created = new ArrayList<>();
        for (FollowUpRule rule : rules.rulesFor(strategy)) {
            if (!fires.test(rule.trigger())) {
                continue;
            }
            Optional<Instant> due = rule.timing().dueAt(firedAt, zone,
                    promise.map(Disposition.PromiseToPay::promisedFor));
            if (due.isEmpty()) {
                continue;
            }
            FollowUpTask task = new FollowUpTask(cause + "/" + rule.name(), caseId, debtorId, strategy, agentId,
                    rule.name(), rule.kind(), rule.template(), rule.queueFor(agentId), rule.escalateToFor(agentId),
                    due.get(), due.get().plus(rule.sla()), TaskStatus.PENDING, 0, "", promise, now);
            if (store.create(task, now)) {
                created.add(task);
                log.info("Follow-up {} planned for case {}: {} due {}", task.taskId(), caseId, task.kind(), task.dueAt());
            }
        }
        return created;
    }

    private Optional<CaseFact> fact(String caseId) {
        return join(facts.current(caseId).toCompletableFuture());
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("reading the case for follow-ups failed: " + e.getMessage(), e);
        }
    }

}
