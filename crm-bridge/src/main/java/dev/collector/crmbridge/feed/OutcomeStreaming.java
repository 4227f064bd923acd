package dev.collector.crmbridge.feed;

import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.collector.crmbridge.auth.CampaignOwnership;
import dev.collector.crmbridge.auth.Caller;
import dev.collector.domain.campaign.CampaignDirectory;
import dev.collector.protos.v1.OutcomeEvent;
import dev.collector.protos.v1.OutcomeServiceGrpc;
import dev.collector.protos.v1.StreamOutcomesRequest;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * {@code collector.v1.OutcomeService}: streams the {@link HazelcastCrmFeed} to CRMs, each from
 * the cursor it asks for, filtered by campaign, paced by the client's flow control. A client sees
 * only the events of its tenant's campaigns; asking for another tenant's campaign is refused.
 */
public final class OutcomeStreaming extends OutcomeServiceGrpc.OutcomeServiceImplBase implements AutoCloseable {

    /** Events fetched from the journal per read; at most this many wait in memory per subscriber. */
    static final int BATCH_SIZE = 100;

    private final HazelcastCrmFeed feed;
    private final CampaignOwnership ownership;
    private final Executor executor;
    private final Set<OutcomeSubscription> open = ConcurrentHashMap.newKeySet();

    /**
     * @param executor runs the per-stream steps (short, never blocking); each stream takes its
     *                 steps one at a time on it
     * @param campaigns whose each campaign is: a client sees only its tenant's events
     */
    public OutcomeStreaming(HazelcastCrmFeed feed, CampaignDirectory campaigns, Executor executor) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.ownership = new CampaignOwnership(campaigns);
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public void streamOutcomes(StreamOutcomesRequest request, StreamObserver<OutcomeEvent> responseObserver) {
        Caller caller = Caller.current();
        Optional<FeedCursor> after = Optional.empty();
        if (!request.getAfterCursor().isEmpty()) {
            after = FeedCursor.decode(request.getAfterCursor());
            if (after.isEmpty()) {
                responseObserver.onError(StatusProto.toStatusRuntimeException(Status.newBuilder()
                        .setCode(Code.INVALID_ARGUMENT_VALUE)
                        .setMessage("after_cursor \"" + request.getAfterCursor() + "\" is not a cursor of this feed")
                        .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(
                                BadRequest.FieldViolation.newBuilder()
                                        .setField("after_cursor")
                                        .setDescription("not a cursor this service handed out; leave it empty to"
                                                + " start from the oldest event held"))
                                .build()))
                        .build()));
                return;
            }
        }
        Optional<String> campaign = request.getCampaignId().isEmpty()
                ? Optional.empty() : Optional.of(request.getCampaignId());
        OutcomeSubscription subscription = new OutcomeSubscription(
                (ServerCallStreamObserver<OutcomeEvent>) responseObserver, feed.journal(), campaign,
                caller.tenantId(), ownership, after,
                Math.min(BATCH_SIZE, feed.capacity()), MoreExecutors.newSequentialExecutor(executor), open::remove);
        open.add(subscription);
        subscription.start();
    }

    /** How many streams are open; for health and metrics. */
    public int openStreams() {
        return open.size();
    }

    /**
     * Ends every open stream with UNAVAILABLE: they never end by themselves, and a server waiting
     * for them would never stop. Clients resume with their last cursor, on another node.
     */
    @Override
    public void close() {
        io.grpc.Status goingAway = io.grpc.Status.UNAVAILABLE
                .withDescription("the server is shutting down; resume with the last cursor");
        open.forEach(subscription -> subscription.end(goingAway));
    }
}
