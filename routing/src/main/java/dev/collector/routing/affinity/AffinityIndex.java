package dev.collector.routing.affinity;

import dev.collector.domain.outcome.Outcome;
import dev.collector.domain.outcome.RoutingMemory;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who succeeded with each debtor, and whom each debtor asked to call back: routing must answer
 * within the 2-second rule, so it reads this in-memory index, never the store. The index learns from
 * the outcomes that pass through the contact history ({@link AffinityLearningHistory}): every case's
 * history read before its call is dialed, and every disposition recorded; at start it is rebuilt
 * from the store's {@link RoutingMemory} ({@link #rebuildFrom}), so a restart forgets nobody.
 *
 * <p>Success is a promise to pay or a payment taken during the call. Per debtor, not per case:
 * collection is run per debtor, and the agent who got a promise on one of his cases is the best bet
 * for the next. Learning is order-free: an older outcome learnt after a newer one changes nothing.
 */
public final class AffinityIndex {

    private final Map<String, Affinity> successes = new ConcurrentHashMap<>();
    private final Map<String, PromisedCallback> callbacks = new ConcurrentHashMap<>();

    public void learn(Outcome outcome) {
        remember(RoutingMemory.Remembered.of(outcome));
    }

    /** Learns one remembered outcome (from a disposition, a history read or the store's memory). */
    public void remember(RoutingMemory.Remembered outcome) {
        if (outcome.success()) {
            successes.merge(outcome.debtorId(), new Affinity(outcome.debtorId(), outcome.agentId(), outcome.recordedAt()),
                    (held, next) -> next.since().isBefore(held.since()) ? held : next);
        }
        if (outcome.callbackAt().isPresent()) {
            callbacks.merge(outcome.debtorId(),
                    new PromisedCallback(outcome.debtorId(), outcome.agentId(), outcome.callbackAt().get(),
                            outcome.recordedAt()),
                    (held, next) -> next.recordedAt().isBefore(held.recordedAt()) ? held : next);
        } else {
            // any later outcome settles the callback: it was made, or the case moved on
            callbacks.computeIfPresent(outcome.debtorId(),
                    (debtor, held) -> held.recordedAt().isBefore(outcome.recordedAt()) ? null : held);
        }
    }

    public void learnAll(Collection<Outcome> outcomes) {
        outcomes.forEach(this::learn);
    }

    /**
     * Learns everything the store remembers: call at start, before the dialer routes its first call
     * (what is learnt meanwhile is kept, learning being order-free).
     *
     * @return how many remembered outcomes were learnt
     */
    public CompletionStage<Long> rebuildFrom(RoutingMemory memory) {
        return memory.replay(this::remember);
    }

    /** The agent who last obtained a promise or a payment from the debtor. */
    public Optional<Affinity> successfulAgent(String debtorId) {
        return Optional.ofNullable(successes.get(debtorId));
    }

    /** The callback the debtor asked for, until a later outcome settles it. */
    public Optional<PromisedCallback> promisedCallback(String debtorId) {
        return Optional.ofNullable(callbacks.get(debtorId));
    }

    public int size() {
        return successes.size() + callbacks.size();
    }
}
