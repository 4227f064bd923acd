package dev.collector.crmbridge.updates;

import com.google.rpc.Code;
import dev.collector.crmbridge.auth.CampaignOwnership;
import dev.collector.crmbridge.auth.Caller;
import dev.collector.crmbridge.intake.FieldChecks;
import dev.collector.crmbridge.intake.Violation;
import dev.collector.domain.campaign.CampaignDirectory;
import dev.collector.domain.casework.CallList;
import dev.collector.protos.v1.CancelCaseRequest;
import dev.collector.protos.v1.CancelCaseResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code collector.v1.CaseService.CancelCase}: the CRM withdraws a case and it is never dialed
 * again; a call in progress finishes first. Cancelling twice is harmless, so no update id is needed.
 */
public final class CaseCancelling {

    private static final Logger log = LoggerFactory.getLogger(CaseCancelling.class);

    private final CallList callList;
    private final CaseStatuses statuses;
    private final CampaignOwnership ownership;

    /** @param campaigns whose each campaign is: a CRM client cancels only its tenant's cases */
    public CaseCancelling(CallList callList, CaseStatuses statuses, CampaignDirectory campaigns) {
        this.callList = Objects.requireNonNull(callList, "callList");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.ownership = new CampaignOwnership(campaigns);
    }

    public void cancelCase(CancelCaseRequest request, StreamObserver<CancelCaseResponse> response) {
        // Here, on the gRPC thread: the call's context does not follow into the stages below.
        Caller caller = Caller.current();
        List<Violation> violations = new ArrayList<>();
        FieldChecks.required(request.getCaseId(), "case_id", "the id of the case to cancel", violations);
        FieldChecks.required(request.getReason(), "reason", "why the case is withdrawn, kept with it,", violations);
        if (!violations.isEmpty()) {
            response.onError(Refusals.invalid("cancellation refused", violations));
            return;
        }
        String caseId = request.getCaseId();
        // Started from a completed stage, so that a store failing at once fails the chain, not the call.
        CompletableFuture.completedFuture(caseId)
                .thenCompose(callList::find)
                .thenCompose(found -> {
                    if (found.isEmpty()) {
                        throw Refusals.notFound(caseId);
                    }
                    // another tenant's case is answered as a missing one (NOT_FOUND), never PERMISSION_DENIED
                    return ownership.requireCaseOwnedBy(caller, found.get().campaignId(), caseId);
                })
                .thenCompose(owned -> callList.cancel(caseId, request.getReason()))
                .thenCompose(cancelled -> statuses.of(caseId))
                .whenComplete((status, failure) -> {
                    if (failure == null) {
                        log.info("Case {} cancelled by the CRM ({}): now {}", caseId, request.getReason(), status);
                        response.onNext(CancelCaseResponse.newBuilder().setStatus(status).build());
                        response.onCompleted();
                        return;
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof StatusRuntimeException) {
                        response.onError(cause);
                    } else {
                        log.warn("Cancelling case {} failed in the call list", caseId, cause);
                        response.onError(Refusals.of(Code.UNAVAILABLE,
                                "the call list is unavailable; resending the cancellation is safe"));
                    }
                });
    }
}
