package dev.collector.domain.outcome;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * What routing must remember of each debtor across restarts: the latest outcome that made an agent
 * the debtor's successful one, the latest callback asked for, the latest outcome of any kind. The
 * contact history keeps it as outcomes are recorded; routing's in-memory index is rebuilt from it at
 * start, without reading every outcome ever recorded. Implemented over Cassandra in outcome-store.
 */
public interface RoutingMemory {

    /**
     * Hands every remembered outcome to {@code learner}, a debtor's oldest first, on the caller's
     * thread or the store's: the learner must be thread-safe and quick.
     *
     * @return how many were handed over
     */
    CompletionStage<Long> replay(Consumer<Remembered> learner);

    /** Nothing remembered: a node without a store. */
    static RoutingMemory none() {
        return learner -> CompletableFuture.completedFuture(0L);
    }

    /**
     * One remembered outcome, reduced to what routing reads.
     *
     * @param code        the disposition's {@link Disposition#code()}
     * @param callbackAt  when the debtor asked to be called back, for a CALLBACK_REQUESTED outcome
     */
    record Remembered(String debtorId, String agentId, String code, Optional<Instant> callbackAt, Instant recordedAt) {
        public Remembered {
            Objects.requireNonNull(debtorId, "debtorId");
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(callbackAt, "callbackAt");
            Objects.requireNonNull(recordedAt, "recordedAt");
        }

        public static Remembered of(Outcome outcome) {
            Optional<Instant> callback = outcome.disposition() instanceof Disposition.CallbackRequested c
                    ? Optional.of(c.at()) : Optional.empty();
            return new Remembered(outcome.debtorId(), outcome.agentId(), outcome.disposition().code(), callback,
                    outcome.recordedAt());
        }

        /** A promise or a payment: the agent succeeded with the debtor. */
        public boolean success() {
            return code.equals("PROMISE_TO_PAY") || code.equals("PAYMENT_TAKEN");
        }
    }
}
