package dev.collector.crmbridge.feed;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.ringbuffer.ReadResultSet;
import com.hazelcast.ringbuffer.Ringbuffer;
import com.hazelcast.ringbuffer.StaleSequenceException;
import dev.collector.crmbridge.auth.CampaignOwnership;
import dev.collector.protos.v1.OutcomeEvent;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CRM's open {@code StreamOutcomes} call: reads the journal batch by batch and sends what the
 * client is ready for. No thread ever waits: a read for events not yet appended parks in Hazelcast
 * and completes when they come; a client that does not keep up leaves the next read unissued
 * until gRPC reports it ready again. Every step runs on one sequential executor, so the state
 * below needs no lock and the observer is never called concurrently.
 *
 * <p>Only the subscriber's tenant's events are sent: a stream for one campaign starts once the
 * campaign is known to be the tenant's; a stream of all campaigns looks up whose each batch's
 * campaigns are before sending any of it.
 */
final class OutcomeSubscription {

    static final String ERROR_DOMAIN = "collector.v1.OutcomeService";

    private static final Logger log = LoggerFactory.getLogger(OutcomeSubscription.class);

    private final ServerCallStreamObserver<OutcomeEvent> client;
    private final Ringbuffer<byte[]> journal;
    private final Optional<String> campaignId;
    private final String tenantId;
    private final CampaignOwnership ownership;
    private final int batchSize;
    private final Executor sequential;
    private final Consumer<OutcomeSubscription> onEnd;

    private final ArrayDeque<OutcomeEvent> unsent = new ArrayDeque<>();
    private long nextSequence;
    /** From the oldest held event: the first batch may start wherever the journal now begins. */
    private boolean startAnywhere;
    private boolean reading;
    private boolean ended;
    /** The campaign asked for is the tenant's (always, when none was asked for). */
    private boolean admitted;

    OutcomeSubscription(ServerCallStreamObserver<OutcomeEvent> client, Ringbuffer<byte[]> journal,
            Optional<String> campaignId, String tenantId, CampaignOwnership ownership, Optional<FeedCursor> after,
            int batchSize, Executor sequential, Consumer<OutcomeSubscription> onEnd) {
        this.client = client;
        this.journal = journal;
        this.campaignId = campaignId;
        this.tenantId = tenantId;
        this.ownership = ownership;
        this.batchSize = batchSize;
        this.sequential = sequential;
        this.onEnd = onEnd;
        this.nextSequence = after.map(FeedCursor::next).orElse(0L);
        this.startAnywhere = after.isEmpty();
    }

    /** Must be called from the service method itself: gRPC takes handlers only before it returns. */
    void start() {
        client.setOnReadyHandler(() -> sequential.execute(this::pump));
        client.setOnCancelHandler(() -> sequential.execute(this::clientGone));
        if (campaignId.isEmpty()) {
            admitted = true;
            sequential.execute(this::pump);
            return;
        }
        ownership.ownerOf(campaignId.get()).whenCompleteAsync((owner, failure) -> {
            if (failure != null) {
                lookupFailed(failure);
            } else if (!owner.equals(tenantId)) {
                endWith(CampaignOwnership.notYours("campaign " + campaignId.get()).getStatus());
            } else {
                admitted = true;
                pump();
            }
        }, sequential);
    }

    /** Ends the stream from the server's side, e.g. on shutdown. */
    void end(io.grpc.Status status) {
        sequential.execute(() -> endWith(status));
    }

    private void pump() {
        if (ended || !admitted) {
            return;
        }
        while (!unsent.isEmpty() && client.isReady()) {
            client.onNext(unsent.poll());
        }
        if (unsent.isEmpty() && !reading) {
            reading = true;
            journal.readManyAsync(nextSequence, 1, batchSize, null).whenCompleteAsync(this::received, sequential);
        }
    }

    private void received(ReadResultSet<byte[]> batch, Throwable failure) {
        reading = false;
        if (ended) {
            return;
        }
        if (failure != null) {
            readFailed(failure);
            return;
        }
        if (batch.size() == 0) {
            pump();
            return;
        }
        // Hazelcast moves a read that starts outside the journal to its nearest end rather than
        // failing, so a gap (or a reset journal) shows as a batch that starts somewhere else.
        long first = batch.getSequence(0);
        if (first != nextSequence && !(startAnywhere && first > nextSequence)) {
            endWith(first > nextSequence ? expired(first) : unknown(first));
            return;
        }
        startAnywhere = false;
        List<OutcomeEvent> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            OutcomeEvent event;
            try {
                event = OutcomeEvent.parseFrom(batch.get(i));
            } catch (InvalidProtocolBufferException e) {
                log.error("CRM feed entry {} is not an OutcomeEvent", batch.getSequence(i), e);
                endWith(io.grpc.Status.INTERNAL.withDescription("the feed holds an unreadable event at cursor "
                        + batch.getSequence(i)));
                return;
            }
            if (campaignId.isEmpty() || campaignId.get().equals(OutcomeEvents.campaignOf(event))) {
                events.add(event.toBuilder().setCursor(new FeedCursor(batch.getSequence(i)).encode()).build());
            }
        }
        long next = batch.getNextSequenceToReadFrom();
        if (campaignId.isPresent()) {
            // Admitted: the campaign is the tenant's.
            queue(events, Map.of(), next);
            return;
        }
        Set<String> campaigns = new HashSet<>();
        events.forEach(event -> campaigns.add(OutcomeEvents.campaignOf(event)));
        // Still "reading" until the owners are known, so that no other read starts meanwhile.
        reading = true;
        ownership.ownersOf(campaigns).whenCompleteAsync((owners, lookupFailure) -> {
            reading = false;
            if (ended) {
                return;
            }
            if (lookupFailure != null) {
                lookupFailed(lookupFailure);
                return;
            }
            queue(events, owners, next);
        }, sequential);
    }

    /** @param owners the tenant of each event's campaign; empty when all are the subscriber's */
    private void queue(List<OutcomeEvent> events, Map<String, String> owners, long next) {
        for (OutcomeEvent event : events) {
            if (owners.isEmpty() || tenantId.equals(owners.get(OutcomeEvents.campaignOf(event)))) {
                unsent.add(event);
            }
        }
        nextSequence = next;
        pump();
    }

    private void lookupFailed(Throwable failure) {
        log.warn("Looking up whose campaigns the CRM feed's events are failed", failure);
        endWith(io.grpc.Status.UNAVAILABLE.withDescription("the campaigns could not be read; resume with the"
                + " last cursor"));
    }

    private void readFailed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof StaleSequenceException stale) {
            endWith(expired(stale.getHeadSeq()));
        } else if (cause instanceof HazelcastInstanceNotActiveException) {
            endWith(io.grpc.Status.UNAVAILABLE.withDescription("this node is leaving the cluster;"
                    + " resume with the last cursor on another node"));
        } else {
            log.warn("Reading the CRM feed from sequence {} failed", nextSequence, cause);
            endWith(io.grpc.Status.UNAVAILABLE.withDescription("the feed could not be read; resume with the"
                    + " last cursor"));
        }
    }

    private Status expired(long oldestHeld) {
        return outOfRange("CURSOR_EXPIRED", "the events after cursor " + (nextSequence - 1)
                + " are no longer held (the oldest is " + oldestHeld + "): subscribe again without a cursor"
                + " and reconcile the gap from your own records");
    }

    private Status unknown(long end) {
        return outOfRange("CURSOR_UNKNOWN", "cursor " + (nextSequence - 1) + " lies beyond the end of the feed ("
                + (end - 1) + "), which was reset since it was handed out: subscribe again without a cursor");
    }

    private static Status outOfRange(String reason, String message) {
        return Status.newBuilder()
                .setCode(Code.OUT_OF_RANGE_VALUE)
                .setMessage(message)
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain(ERROR_DOMAIN).build()))
                .build();
    }

    private void endWith(Status status) {
        endWith(StatusProto.toStatusRuntimeException(status));
    }

    private void endWith(io.grpc.Status status) {
        endWith(status.asRuntimeException());
    }

    private void endWith(Throwable error) {
        if (!ended) {
            client.onError(error);
            clientGone();
        }
    }

    private void clientGone() {
        if (!ended) {
            ended = true;
            unsent.clear();
            onEnd.accept(this);
        }
    }
}
