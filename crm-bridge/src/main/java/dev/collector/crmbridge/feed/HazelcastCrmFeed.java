package dev.collector.crmbridge.feed;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.ringbuffer.OverflowPolicy;
import com.hazelcast.ringbuffer.Ringbuffer;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.CrmFeed;
import dev.collector.domain.outcome.Outcome;
import dev.collector.protos.v1.OutcomeEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed back to the CRMs as a journal in a Hazelcast ringbuffer shared by the cluster: every
 * node appends, every node can stream it, and an event's ringbuffer sequence is its cursor. The
 * ringbuffer keeps the newest {@code capacity} events (one synchronous backup, so losing a member
 * loses none); a CRM that stays away longer has to reconcile from the contact history.
 *
 * <p>Events are stored as serialized {@code collector.v1.OutcomeEvent}s: the wire contract is
 * versioned and evolves compatibly, Java serialization of domain records would not survive a
 * rolling upgrade. Appending never blocks the caller (the dialer may call from an event loop);
 * appends from one node still land in the order they were made.
 */
public final class HazelcastCrmFeed implements CrmFeed {

    public static final String RINGBUFFER = "crm-feed";
    /**
     * A busy day of a large contact centre. At 150-300 bytes an event that is 150-300 MB of heap
     * on the member that owns the ringbuffer, and as much again on the one holding its backup.
     */
    public static final int DEFAULT_CAPACITY = 1_000_000;

    private static final Logger log = LoggerFactory.getLogger(HazelcastCrmFeed.class);

    private final Ringbuffer<byte[]> journal;
    private final int capacity;
    private final Object appendOrder = new Object();
    private CompletableFuture<Void> lastAppend = CompletableFuture.completedFuture(null);

    /**
     * @param capacity how many of the newest events the cluster keeps; every member must use the
     *                 same (Hazelcast refuses a conflicting ringbuffer configuration)
     */
    public HazelcastCrmFeed(HazelcastInstance hazelcast, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        // Added at run time rather than in the member's static Config, which belongs to case-queue.
        hazelcast.getConfig().addRingBufferConfig(new RingbufferConfig(RINGBUFFER)
                .setCapacity(capacity)
                .setBackupCount(1)
                .setAsyncBackupCount(0)
                .setInMemoryFormat(InMemoryFormat.BINARY));
        this.journal = hazelcast.getRingbuffer(RINGBUFFER);
        this.capacity = capacity;
    }

    @Override
    public void attemptEnded(CallAttempt attempt) {
        append(OutcomeEvents.attemptEnded(attempt), "attempt " + attempt.attemptId() + " ended");
    }

    @Override
    public void outcomeRecorded(Outcome outcome) {
        append(OutcomeEvents.outcomeRecorded(outcome), "outcome of attempt " + outcome.attemptId());
    }

    /** Completes once every event handed over so far is in the ringbuffer (or its append failed). */
    public CompletionStage<Void> flushed() {
        synchronized (appendOrder) {
            return lastAppend.minimalCompletionStage();
        }
    }

    Ringbuffer<byte[]> journal() {
        return journal;
    }

    int capacity() {
        return capacity;
    }

    private void append(OutcomeEvent event, String description) {
        byte[] entry = event.toByteArray();
        synchronized (appendOrder) {
            // Each append waits for the previous one: concurrent async adds could be reordered by retries.
            lastAppend = lastAppend
                    .thenCompose(previous -> journal.addAsync(entry, OverflowPolicy.OVERWRITE))
                    .handle((sequence, failure) -> {
                        if (failure != null) {
                            log.error("CRM feed lost an event ({}): {}", description, failure.toString());
                        }
                        return null;
                    });
        }
    }
}
