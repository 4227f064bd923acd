package dev.collector.crmbridge.history;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.collector.crmbridge.auth.CampaignOwnership;
import dev.collector.crmbridge.auth.Caller;
import dev.collector.crmbridge.feed.OutcomeEvents;
import dev.collector.crmbridge.intake.FieldChecks;
import dev.collector.crmbridge.intake.Violation;
import dev.collector.domain.campaign.CampaignDirectory;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import dev.collector.domain.outcome.CaseHistory;
import dev.collector.domain.outcome.CaseHistoryPage;
import dev.collector.protos.v1.CaseHistoryEntry;
import dev.collector.protos.v1.ListCaseHistoryRequest;
import dev.collector.protos.v1.ListCaseHistoryResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code collector.v1.CaseService.ListCaseHistory}: a CRM reads a case's attempts and outcomes,
 * newest first, a page at a time. The case must be one of the caller's tenant: a case of another
 * tenant is as unknown as a case never submitted, so that its existence does not leak.
 */
public final class CaseHistoryReading {

    static final int DEFAULT_PAGE_SIZE = 50;

    private static final Logger log = LoggerFactory.getLogger(CaseHistoryReading.class);

    private final CallList callList;
    private final CampaignOwnership ownership;
    private final CaseHistory history;

    /**
     * @param callList  whether the case exists (the history of an unknown case is not an empty one)
     * @param campaigns whose the case's campaign is: the tenancy check (a campaign without a record
     *                  is the default tenant's, see {@link CampaignOwnership})
     * @param history   where the attempts and outcomes are read
     */
    public CaseHistoryReading(CallList callList, CampaignDirectory campaigns, CaseHistory history) {
        this.callList = Objects.requireNonNull(callList, "callList");
        this.ownership = new CampaignOwnership(Objects.requireNonNull(campaigns, "campaigns"));
        this.history = Objects.requireNonNull(history, "history");
    }

    public void listCaseHistory(ListCaseHistoryRequest request, StreamObserver<ListCaseHistoryResponse> response) {
        // The gRPC context is this thread's only: read the caller before any hop to another thread.
        Optional<Caller> caller = currentCaller();
        if (caller.isEmpty()) {
            response.onError(status(Code.UNAUTHENTICATED, "no authenticated caller"));
            return;
        }
        String tenantId = caller.get().tenantId();
        List<Violation> violations = new ArrayList<>();
        FieldChecks.required(request.getCaseId(), "case_id", "the id of the case whose history is read", violations);
        int pageSize = request.getPageSize() == 0 ? DEFAULT_PAGE_SIZE : request.getPageSize();
        if (pageSize < 1 || pageSize > CaseHistory.MAX_PAGE_SIZE) {
            violations.add(new Violation("page_size", "must be 1 to " + CaseHistory.MAX_PAGE_SIZE + " (0 means "
                    + DEFAULT_PAGE_SIZE + "), not " + request.getPageSize()));
        }
        if (!violations.isEmpty()) {
            response.onError(invalid(violations));
            return;
        }
        String caseId = request.getCaseId();
        Optional<String> pageToken = request.getPageToken().isEmpty()
                ? Optional.empty() : Optional.of(request.getPageToken());
        // Started from a completed stage, so that a store failing at once fails the chain, not the call.
        CompletableFuture.completedFuture(caseId)
                .thenCompose(id -> unavailableIfFails(() -> callList.find(id), "the call list"))
                .thenCompose(found -> {
                    Case aCase = found.orElseThrow(() -> notFound(caseId));
                    return unavailableIfFails(() -> ownership.ownerOf(aCase.campaignId()), "the campaign directory");
                })
                .thenCompose(owner -> {
                    // NOT_FOUND rather than PERMISSION_DENIED (the contract says so): whether another
                    // tenant has a case of that id is none of the caller's business
                    if (!owner.equals(tenantId)) {
                        log.info("Tenant {} asked for the history of case {} of tenant {}: not found", tenantId,
                                caseId, owner);
                        throw notFound(caseId);
                    }
                    return unavailableIfFails(() -> history.page(caseId, pageSize, pageToken,
                            request.getIncludeFollowUps()), "the contact history");
                })
                .whenComplete((page, failure) -> {
                    if (failure == null) {
                        response.onNext(toWire(page));
                        response.onCompleted();
                        return;
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    response.onError(cause instanceof StatusRuntimeException
                            ? cause : status(Code.INTERNAL, "reading the case history failed"));
                    if (!(cause instanceof StatusRuntimeException)) {
                        log.error("Reading the history of case {} failed", caseId, cause);
                    }
                });
    }

    private static Optional<Caller> currentCaller() {
        try {
            return Optional.of(Caller.current());
        } catch (IllegalStateException none) {
            return Optional.empty();
        }
    }

    /** A page token the history refuses is the request's fault; any other failure is the store's. */
    private static <T> CompletionStage<T> unavailableIfFails(Supplier<CompletionStage<T>> read, String what) {
        CompletionStage<T> stage;
        try {
            stage = read.get();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.handle((value, failure) -> {
            if (failure == null) {
                return value;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof StatusRuntimeException refusal) {
                throw refusal;
            }
            if (cause instanceof CaseHistory.InvalidPageToken invalidToken) {
                throw invalid(List.of(new Violation("page_token", invalidToken.getMessage()
                        + "; pass a next_page_token this case's history handed out, or none for the first page")));
            }
            log.warn("Reading a case history: {} failed", what, cause);
            throw status(Code.UNAVAILABLE, what + " is unavailable; retrying is safe");
        });
    }

    private static ListCaseHistoryResponse toWire(CaseHistoryPage page) {
        ListCaseHistoryResponse.Builder wire = ListCaseHistoryResponse.newBuilder()
                .setNextPageToken(page.nextPageToken().orElse(""));
        for (dev.collector.domain.outcome.CaseHistoryEntry entry : page.entries()) {
            CaseHistoryEntry.Builder wireEntry = wire.addEntriesBuilder()
                    .setAttempt(OutcomeEvents.attemptEnded(entry.attempt()).getAttemptEnded());
            entry.outcome().ifPresent(outcome ->
                    wireEntry.setOutcome(OutcomeEvents.outcomeRecorded(outcome).getOutcomeRecorded()));
        }
        for (dev.collector.domain.outcome.FollowUpEntry task : page.followUps()) {
            wire.addFollowUpsBuilder()
                    .setTaskId(task.taskId())
                    .setKind(task.kind())
                    .setRule(task.rule())
                    .setDueAt(timestamp(task.dueAt()))
                    .setDeadline(timestamp(task.deadline()))
                    .setStatus(task.status())
                    .setQueue(task.queue());
        }
        return wire.build();
    }

    private static com.google.protobuf.Timestamp timestamp(java.time.Instant at) {
        return com.google.protobuf.Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    private static StatusRuntimeException invalid(List<Violation> violations) {
        return StatusProto.toStatusRuntimeException(Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage("case history request refused; see the field violations")
                .addDetails(Any.pack(Violation.asBadRequest(violations)))
                .build());
    }

    private static StatusRuntimeException notFound(String caseId) {
        return CampaignOwnership.noSuchCase(caseId);
    }

    private static StatusRuntimeException status(Code code, String message) {
        return StatusProto.toStatusRuntimeException(Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .build());
    }
}
