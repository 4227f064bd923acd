package dev.collector.caseloader;

import com.google.rpc.BadRequest.FieldViolation;
import dev.collector.protos.v1.Case;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.LoadCasesRequest;
import dev.collector.protos.v1.LoadCasesResponse;
import dev.collector.protos.v1.RejectedCase;
import dev.collector.protos.v1.RejectionReason;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the real LoadCases (written elsewhere): checks the bearer token, acknowledges
 * each batch a little later on its own thread (so that several are in flight), and rejects what
 * a real server would for the tests' purposes: numbers not in E.164, currencies other than CZK
 * and EUR, the campaign "closed".
 */
final class FakeCaseService extends CaseServiceGrpc.CaseServiceImplBase {

    static final String TOKEN = "s3cret-token";
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Set<String> CURRENCIES = Set.of("CZK", "EUR");

    final ConcurrentLinkedQueue<Case> admitted = new ConcurrentLinkedQueue<>();
    final List<LoadCasesRequest> batches = new CopyOnWriteArrayList<>();
    final AtomicInteger mostUnacknowledged = new AtomicInteger();
    private final int failAfterBatches;
    private final ScheduledExecutorService acknowledger = Executors.newSingleThreadScheduledExecutor();
    private Server server;

    /** @param failAfterBatches end the stream UNAVAILABLE after acknowledging so many; -1 never */
    FakeCaseService(int failAfterBatches) {
        this.failAfterBatches = failAfterBatches;
    }

    int start() throws IOException {
        return start(InsecureServerCredentials.create());
    }

    int start(ServerCredentials credentials) throws IOException {
        ServerInterceptor bearerToken = new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                               ServerCallHandler<Q, A> next) {
                if (!("Bearer " + TOKEN).equals(headers.get(AUTHORIZATION))) {
                    call.close(Status.UNAUTHENTICATED.withDescription("missing or invalid bearer token"), new Metadata());
                    return new ServerCall.Listener<>() {
                    };
                }
                return next.startCall(call, headers);
            }
        };
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), credentials)
                .addService(ServerInterceptors.intercept(this, bearerToken))
                .build()
                .start();
        return server.getPort();
    }

    /** Clears what earlier tests loaded. */
    void forget() {
        admitted.clear();
        batches.clear();
        mostUnacknowledged.set(0);
    }

    void stop() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        acknowledger.shutdownNow();
    }

    @Override
    public StreamObserver<LoadCasesRequest> loadCases(StreamObserver<LoadCasesResponse> responses) {
        AtomicInteger received = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicLong acceptedTotal = new AtomicLong();
        AtomicBoolean ended = new AtomicBoolean();
        return new StreamObserver<>() {
            @Override
            public void onNext(LoadCasesRequest batch) {
                batches.add(batch);
                int outstanding = received.incrementAndGet() - acknowledged.get();
                mostUnacknowledged.accumulateAndGet(outstanding, Math::max);
                acknowledger.schedule(() -> {
                    if (ended.get()) {
                        return;
                    }
                    if (acknowledged.get() == failAfterBatches) {
                        ended.set(true);
                        responses.onError(Status.UNAVAILABLE.withDescription("call list unreachable").asRuntimeException());
                        return;
                    }
                    responses.onNext(acknowledge(batch, acceptedTotal));
                    acknowledged.incrementAndGet();
                }, 3, TimeUnit.MILLISECONDS);
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
                // runs after every acknowledgement scheduled before it: the acknowledger keeps order
                acknowledger.schedule(() -> {
                    if (ended.compareAndSet(false, true)) {
                        responses.onCompleted();
                    }
                }, 3, TimeUnit.MILLISECONDS);
            }
        };
    }

    private LoadCasesResponse acknowledge(LoadCasesRequest batch, AtomicLong acceptedTotal) {
        LoadCasesResponse.Builder ack = LoadCasesResponse.newBuilder().setBatchId(batch.getBatchId());
        int accepted = 0;
        for (int i = 0; i < batch.getCasesCount(); i++) {
            Case c = batch.getCases(i);
            RejectedCase.Builder rejected = RejectedCase.newBuilder().setIndex(i).setCaseId(c.getCaseId())
                    .setReason(RejectionReason.REJECTION_REASON_INVALID);
            for (int p = 0; p < c.getPhoneNumbersCount(); p++) {
                if (!c.getPhoneNumbers(p).matches("\\+\\d{8,15}")) {
                    rejected.addViolations(violation("phone_numbers[" + p + "]", "not an E.164 number"));
                }
            }
            for (int k = 0; k < c.getClaimsCount(); k++) {
                if (!CURRENCIES.contains(c.getClaims(k).getAmountDue().getCurrencyCode())) {
                    rejected.addViolations(violation("claims[" + k + "].amount_due.currency_code",
                            "not a currency of this campaign"));
                }
            }
            if (c.getCampaignId().equals("closed")) {
                rejected.setReason(RejectionReason.REJECTION_REASON_CAMPAIGN_NOT_OPEN);
            }
            if (rejected.getViolationsCount() > 0
                    || rejected.getReason() != RejectionReason.REJECTION_REASON_INVALID) {
                ack.addRejected(rejected);
            } else {
                admitted.add(c);
                accepted++;
            }
        }
        return ack.setAcceptedCount(accepted).setAcceptedTotal(acceptedTotal.addAndGet(accepted)).build();
    }

    private static FieldViolation violation(String field, String description) {
        return FieldViolation.newBuilder().setField(field).setDescription(description).build();
    }
}
