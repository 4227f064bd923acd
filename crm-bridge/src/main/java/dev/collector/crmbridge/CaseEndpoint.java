package dev.collector.crmbridge;

import dev.collector.crmbridge.history.CaseHistoryReading;
import dev.collector.crmbridge.intake.CaseLoading;
import dev.collector.crmbridge.intake.CaseSubmission;
import dev.collector.protos.v1.LoadCasesRequest;
import dev.collector.protos.v1.LoadCasesResponse;
import dev.collector.crmbridge.updates.CaseCancelling;
import dev.collector.crmbridge.updates.CaseUpdating;
import dev.collector.protos.v1.CancelCaseRequest;
import dev.collector.protos.v1.CancelCaseResponse;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.ListCaseHistoryRequest;
import dev.collector.protos.v1.ListCaseHistoryResponse;
import dev.collector.protos.v1.SubmitCasesRequest;
import dev.collector.protos.v1.SubmitCasesResponse;
import dev.collector.protos.v1.UpdateCaseRequest;
import dev.collector.protos.v1.UpdateCaseResponse;
import io.grpc.stub.StreamObserver;
import java.util.Objects;

/**
 * {@code collector.v1.CaseService} as gRPC binds it: one service, one class per use case behind it
 * (intake, updates, cancellation).
 */
final class CaseEndpoint extends CaseServiceGrpc.CaseServiceImplBase {

    private final CaseSubmission submission;
    private final CaseUpdating updating;
    private final CaseCancelling cancelling;
    private final CaseHistoryReading historyReading;
    private final CaseLoading loading;

    CaseEndpoint(CaseSubmission submission, CaseUpdating updating, CaseCancelling cancelling,
            CaseHistoryReading historyReading, CaseLoading loading) {
        this.loading = Objects.requireNonNull(loading, "loading");
        this.submission = Objects.requireNonNull(submission, "submission");
        this.updating = Objects.requireNonNull(updating, "updating");
        this.cancelling = Objects.requireNonNull(cancelling, "cancelling");
        this.historyReading = Objects.requireNonNull(historyReading, "historyReading");
    }

    @Override
    public void submitCases(SubmitCasesRequest request, StreamObserver<SubmitCasesResponse> response) {
        submission.submitCases(request, response);
    }

    @Override
    public void updateCase(UpdateCaseRequest request, StreamObserver<UpdateCaseResponse> response) {
        updating.updateCase(request, response);
    }

    @Override
    public void cancelCase(CancelCaseRequest request, StreamObserver<CancelCaseResponse> response) {
        cancelling.cancelCase(request, response);
    }

    @Override
    public StreamObserver<LoadCasesRequest> loadCases(StreamObserver<LoadCasesResponse> response) {
        return loading.loadCases(response);
    }

    @Override
    public void listCaseHistory(ListCaseHistoryRequest request, StreamObserver<ListCaseHistoryResponse> response) {
        historyReading.listCaseHistory(request, response);
    }
}
