package dev.collector.crmbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.crmbridge.auth.Caller;
import dev.collector.crmbridge.auth.CrmClients;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.campaign.Campaign;
import dev.collector.domain.campaign.DialMode;
import dev.collector.domain.casework.Admission;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.DialLease;
import dev.collector.domain.outcome.Outcome;
import dev.collector.protos.v1.LoadCasesRequest;
import dev.collector.protos.v1.LoadCasesResponse;
import io.grpc.Context;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The order in which a stream's batches reach the call list, with a call list whose admissions
 * complete only when the test says so: batches without a case in common are admitted together, a
 * batch sharing a case with one still in admission waits for it, and acknowledgements keep stream
 * order whatever order the admissions finish in.
 */
class CaseLoadingOrderTest {

    private final HeldCallList callList = new HeldCallList();
    private final List<LoadCasesResponse> acks = new ArrayList<>();
    private final StreamObserver<LoadCasesRequest> stream = open();

    @Test
    void a_batch_sharing_a_case_with_one_in_admission_waits_and_the_others_do_not() {
        stream.onNext(batch("b0", "shared", "a"));
        stream.onNext(batch("b1", "b", "c"));
        stream.onNext(batch("b2", "shared", "d"));

        assertThat(callList.started()).containsExactly("b0", "b1");

        callList.finish("b1");
        assertThat(acks).as("b1 is done, but b0 is acknowledged first").isEmpty();
        callList.finish("b0");

        assertThat(callList.started()).containsExactly("b0", "b1", "b2");
        assertThat(acks).extracting(LoadCasesResponse::getBatchId).containsExactly("b0", "b1");
        callList.finish("b2");
        assertThat(acks).extracting(LoadCasesResponse::getBatchId).containsExactly("b0", "b1", "b2");
        assertThat(acks).extracting(LoadCasesResponse::getAcceptedTotal).containsExactly(2L, 4L, 6L);
    }

    private StreamObserver<LoadCasesRequest> open() {
        CaseLoading loading = new CaseLoading(callList, new CaseValidator(Clock.systemUTC()),
                id -> CompletableFuture.completedFuture(Optional.of(Campaign.created(id, CrmClients.DEFAULT_TENANT,
                        id, DialMode.PROGRESSIVE, Instant.EPOCH))));
        Context withCaller = new Caller("crm", CrmClients.DEFAULT_TENANT).attachTo(Context.current());
        Context previous = withCaller.attach();
        try {
            return loading.loadCases(new Acknowledgements());
        } finally {
            withCaller.detach(previous);
        }
    }

    private static LoadCasesRequest batch(String batchId, String... caseIds) {
        LoadCasesRequest.Builder batch = LoadCasesRequest.newBuilder().setBatchId(batchId);
        for (String caseId : caseIds) {
            batch.addCases(CaseLoadingTest.aCase(caseId, "campaign"));
        }
        return batch.build();
    }

    /** Admissions that complete when the test finishes them, named by the batch's first case's batch. */
    private static final class HeldCallList implements CallList {
        private final List<String> started = new ArrayList<>();
        private final List<CompletableFuture<List<Admission>>> pending = new ArrayList<>();
        private final List<List<Case>> batches = new ArrayList<>();

        List<String> started() {
            return List.copyOf(started);
        }

        void finish(String batchId) {
            int index = started.indexOf(batchId);
            pending.get(index).complete(batches.get(index).stream()
                    .<Admission>map(c -> new Admission.Admitted(c.caseId(), true)).toList());
        }

        @Override
        public synchronized CompletionStage<List<Admission>> admitAll(List<Case> cases, Predicate<Case> mayReplaceHeld) {
            // The batch is known by its cases: b0 = {shared, a}, b1 = {b, c}, b2 = {shared, d}.
            String second = cases.get(1).caseId();
            started.add(second.equals("a") ? "b0" : second.equals("c") ? "b1" : "b2");
            CompletableFuture<List<Admission>> admission = new CompletableFuture<>();
            pending.add(admission);
            batches.add(cases);
            return admission;
        }

        @Override
        public CompletionStage<Void> admit(Case aCase) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Optional<DialLease>> leaseNext(String campaignId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> notDialed(DialLease lease) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> callEnded(DialLease lease, CallAttempt attempt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> dispositionRecorded(Outcome outcome) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Boolean> postpone(String caseId, Instant until, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> cancel(String caseId, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Optional<Case>> find(String caseId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Integer> waiting(String campaignId) {
            throw new UnsupportedOperationException();
        }
    }

    /** The server side of the stream, collecting acknowledgements. */
    private final class Acknowledgements extends ServerCallStreamObserver<LoadCasesResponse> {
        @Override
        public void onNext(LoadCasesResponse ack) {
            acks.add(ack);
        }

        @Override
        public void onError(Throwable t) {
            throw new AssertionError("the stream failed", t);
        }

        @Override
        public void onCompleted() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void setOnCancelHandler(Runnable onCancelHandler) {
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setOnReadyHandler(Runnable onReadyHandler) {
        }

        @Override
        public void disableAutoRequest() {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }
    }
}
