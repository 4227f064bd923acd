package dev.collector.crmbridge.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import dev.collector.protos.v1.OutcomeEvent;
import dev.collector.protos.v1.OutcomeServiceGrpc;
import dev.collector.protos.v1.StreamOutcomesRequest;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A CRM client of StreamOutcomes that collects what arrives, for tests to take from. */
final class Subscriber implements ClientResponseObserver<StreamOutcomesRequest, OutcomeEvent> {

    private final BlockingQueue<OutcomeEvent> received = new LinkedBlockingQueue<>();
    /** Completes with the error the stream ended with; with null when it completed normally. */
    private final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    private final boolean manualFlowControl;
    private volatile ClientCallStreamObserver<StreamOutcomesRequest> call;

    private Subscriber(boolean manualFlowControl) {
        this.manualFlowControl = manualFlowControl;
    }

    static Subscriber subscribe(OutcomeServiceGrpc.OutcomeServiceStub stub, StreamOutcomesRequest request) {
        Subscriber subscriber = new Subscriber(false);
        stub.streamOutcomes(request, subscriber);
        return subscriber;
    }

    /** A client that takes nothing until it calls {@link #request(int)}. */
    static Subscriber subscribeWithoutRequesting(OutcomeServiceGrpc.OutcomeServiceStub stub,
            StreamOutcomesRequest request) {
        Subscriber subscriber = new Subscriber(true);
        stub.streamOutcomes(request, subscriber);
        return subscriber;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<StreamOutcomesRequest> requestStream) {
        this.call = requestStream;
        if (manualFlowControl) {
            requestStream.disableAutoRequestWithInitial(0);
        }
    }

    @Override
    public void onNext(OutcomeEvent event) {
        received.add(event);
    }

    @Override
    public void onError(Throwable error) {
        ended.complete(error);
    }

    @Override
    public void onCompleted() {
        ended.complete(null);
    }

    void request(int count) {
        call.request(count);
    }

    List<OutcomeEvent> take(int count) throws InterruptedException {
        List<OutcomeEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OutcomeEvent event = received.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("event %d of %d (after %s)", i + 1, count, events).isNotNull();
            events.add(event);
        }
        return events;
    }

    /** Everything that arrived before the stream ended (waits for the end). */
    List<OutcomeEvent> receivedUntilTheEnd() throws Exception {
        ended.get(10, TimeUnit.SECONDS);
        List<OutcomeEvent> events = new ArrayList<>();
        received.drainTo(events);
        return events;
    }

    void receivesNothingMoreWithin(Duration quiet) throws InterruptedException {
        assertThat(received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)).isNull();
    }

    Status endStatus() throws Exception {
        Throwable error = ended.get(10, TimeUnit.SECONDS);
        return error == null ? Status.OK : Status.fromThrowable(error);
    }

    /** The google.rpc.Status details the stream ended with. */
    List<Any> endDetails() throws Exception {
        return StatusProto.fromThrowable(ended.get(10, TimeUnit.SECONDS)).getDetailsList();
    }

    void cancel() {
        call.cancel("the CRM disconnects", null);
    }
}
