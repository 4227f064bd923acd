package dev.collector.followups.claims;

import dev.collector.followups.store.CassandraFollowUpStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who carries out what when several nodes sweep one schedule. Each node's engine takes a claim on a
 * task (or a promise) before it acts on it, with a Cassandra lightweight transaction: of all the
 * nodes that see the same due entry, one wins and the others pass it by. The claim lives for
 * {@code expiry} of real time (a TTL in Cassandra, not the engine's clock: it is about whether a
 * node is alive, not about the debtor's calendar), so the work of a node that dies holding it is
 * taken over by another node once the claim lapses.
 *
 * <p>A claim is let go only when its work finished cleanly. After a failure the holder cannot know
 * how far it got (was the SMS sent before Cassandra failed?), so the claim is left to lapse: the
 * task waits at most {@code expiry} before any node, this one included, looks at it again.
 */
public final class Claims {

    private static final Logger log = LoggerFactory.getLogger(Claims.class);

    private final CassandraFollowUpStore store;
    private final String holder;
    private final Duration expiry;

    /** @param holder this node's engine, named in every claim it takes (unique per running engine) */
    public Claims(CassandraFollowUpStore store, String holder, Duration expiry) {
        this.store = Objects.requireNonNull(store, "store");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        if (expiry.toSeconds() < 2) {
            throw new IllegalArgumentException("claim expiry must be at least 2 s (a Cassandra TTL), got " + expiry);
        }
    }

    public String holder() {
        return holder;
    }

    /** The claim on {@code key} for this node, unless another node (or an earlier failure here) holds it. */
    public Optional<Claim> take(String key, Instant now) {
        long takenAt = System.nanoTime();
        if (!store.claim(key, holder, now, expiry)) {
            return Optional.empty();
        }
        return Optional.of(new Claim(key, takenAt));
    }

    /** A claim held by this node. */
    public final class Claim {

        private final String key;
        private final long takenAtNanos;

        private Claim(String key, long takenAtNanos) {
            this.key = key;
            this.takenAtNanos = takenAtNanos;
        }

        /**
         * Whether it is still safe to do something that cannot be undone (send a message). Half the
         * claim's sure life is the bound: what remains must cover the send itself (the channels time
         * out after 10 s), or another node could take the claim over while this one is still
         * sending. Its sure life is the expiry less a second, since Cassandra counts a TTL from the
         * whole second it was written in.
         */
        public boolean fresh() {
            return System.nanoTime() - takenAtNanos < expiry.minusSeconds(1).toNanos() / 2;
        }

        /** The work is done: other nodes (and later sweeps here) may take the key at once. */
        public void release() {
            try {
                store.releaseClaim(key, holder);
            } catch (RuntimeException e) {
                // harmless: the claim lapses by itself
                log.debug("Claim {} not released, it lapses: {}", key, e.toString());
            }
        }

        @Override
        public String toString() {
            return key + " held by " + holder;
        }
    }
}
