package dev.collector.caseloader.load;

import dev.collector.caseloader.csv.CaseLines;
import dev.collector.caseloader.report.LoadTally;
import dev.collector.caseloader.report.Progress;
import dev.collector.caseloader.report.RejectedRow;
import dev.collector.protos.v1.LoadCasesRequest;
import dev.collector.protos.v1.LoadCasesResponse;
import dev.collector.protos.v1.RejectedCase;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One LoadCases stream seen from the client: the reading thread sends batches, at most
 * maxInFlight unacknowledged and only while gRPC's flow control says the transport is ready;
 * acknowledgements, arriving in order on gRPC's threads, are matched to the batches they answer.
 */
final class BatchStream implements ClientResponseObserver<LoadCasesRequest, LoadCasesResponse> {

    /** What the loader keeps of a sent batch: enough to name rows, not the cases themselves. */
    record SentBatch(String batchId, List<CaseLines> cases) {
    }

    private final int maxInFlight;
    private final LoadTally tally;
    private final Progress progress;
    private final Object lock = new Object();
    private final Deque<SentBatch> unacknowledged = new ArrayDeque<>(); // guarded by lock
    private Status failure; // guarded by lock
    private boolean ended; // guarded by lock
    private boolean cancelled; // guarded by lock
    private volatile ClientCallStreamObserver<LoadCasesRequest> requests;

    BatchStream(int maxInFlight, LoadTally tally, Progress progress) {
        this.maxInFlight = maxInFlight;
        this.tally = tally;
        this.progress = progress;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<LoadCasesRequest> requestStream) {
        this.requests = requestStream;
        requestStream.setOnReadyHandler(this::wakeSender);
    }

    /**
     * Sends a batch once there is room for it; false, with nothing sent, when the stream has
     * already ended (see {@link #failure()}).
     */
    boolean send(LoadCasesRequest batch, List<CaseLines> lines) throws InterruptedException {
        synchronized (lock) {
            // The timed wait is a safety net only: onReady and acknowledgements both notify.
            while (!ended && (unacknowledged.size() >= maxInFlight || !requests.isReady())) {
                lock.wait(200);
            }
            if (ended) {
                return false;
            }
            unacknowledged.add(new SentBatch(batch.getBatchId(), lines));
        }
        requests.onNext(batch);
        progress.sent(batch.getCasesCount());
        return true;
    }

    /** Half-closes the stream and waits for the server to acknowledge the rest and end it. */
    Optional<Status> finish() throws InterruptedException {
        boolean halfClose;
        synchronized (lock) {
            halfClose = !cancelled;
        }
        if (halfClose) {
            requests.onCompleted();
        }
        synchronized (lock) {
            while (!ended) {
                lock.wait(200);
            }
            return Optional.ofNullable(failure);
        }
    }

    /** Gives up on the stream (the file could not be read on, the user interrupted). */
    void abandon(String why, Throwable cause) {
        synchronized (lock) {
            cancelled = true;
        }
        requests.cancel(why, cause);
    }

    Optional<Status> failure() {
        synchronized (lock) {
            return Optional.ofNullable(failure);
        }
    }

    @Override
    public void onNext(LoadCasesResponse ack) {
        SentBatch batch;
        synchronized (lock) {
            batch = unacknowledged.peek();
            if (batch == null || !batch.batchId().equals(ack.getBatchId())) {
                String expected = batch == null ? "none" : batch.batchId();
                fail(Status.INTERNAL.withDescription("acknowledgement of batch '" + ack.getBatchId()
                        + "' when the next unacknowledged batch is " + expected));
                cancelled = true;
                requests.cancel("acknowledgements out of order", null);
                return;
            }
            unacknowledged.poll();
            tally.accepted(ack.getAcceptedCount());
            for (RejectedCase rejected : ack.getRejectedList()) {
                int index = rejected.getIndex();
                CaseLines lines = index >= 0 && index < batch.cases().size()
                        ? batch.cases().get(index)
                        : new CaseLines(rejected.getCaseId(), 0, List.of()); // 0: the server named no case of ours
                List<RejectedRow> rows = ServerRejections.rows(rejected, lines);
                tally.rejectedCase(rows.get(0).reason(), rows);
            }
            lock.notifyAll();
        }
        progress.acknowledged(batch.cases().size());
    }

    @Override
    public void onError(Throwable t) {
        synchronized (lock) {
            fail(Status.fromThrowable(t));
            ended = true;
            lock.notifyAll();
        }
    }

    @Override
    public void onCompleted() {
        synchronized (lock) {
            if (!unacknowledged.isEmpty()) {
                fail(Status.INTERNAL.withDescription("the server ended the stream leaving " + unacknowledged.size()
                        + " batch(es) unacknowledged, the first " + unacknowledged.peek().batchId()));
            }
            ended = true;
            lock.notifyAll();
        }
    }

    private void fail(Status status) {
        if (failure == null) {
            failure = status;
        }
    }

    private void wakeSender() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }
}
