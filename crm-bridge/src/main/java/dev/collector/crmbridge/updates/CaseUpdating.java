package dev.collector.crmbridge.updates;

import com.google.rpc.Code;
import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.crmbridge.auth.CampaignOwnership;
import dev.collector.crmbridge.auth.Caller;
import dev.collector.crmbridge.intake.FieldChecks;
import dev.collector.crmbridge.intake.Violation;
import dev.collector.domain.campaign.CampaignDirectory;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import dev.collector.protos.v1.UpdateCaseRequest;
import dev.collector.protos.v1.UpdateCaseResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code collector.v1.CaseService.UpdateCase}: something happened to a case in the CRM's world, and
 * what the dialer may do with it changes. Each update is applied once, however often the CRM sends
 * it, and updates of one case are applied one at a time across the cluster.
 *
 * <p>Runs on gRPC's handler threads, not an event loop, and blocks on them: the cluster-wide lock
 * of a case belongs to the thread that took it.
 */
public final class CaseUpdating {

    private static final Logger log = LoggerFactory.getLogger(CaseUpdating.class);
    /** Longer than Hazelcast's own operation timeout would be pointless; shorter than a CRM's deadline. */
    private static final Duration STORE_WAIT = Duration.ofSeconds(30);

    private final CallList callList;
    private final ContactRestrictions restrictions;
    private final AppliedUpdates applied;
    private final CaseStatuses statuses;
    private final CampaignOwnership ownership;
    private final Clock clock;

    /** @param campaigns whose each campaign is: a CRM client updates only its tenant's cases */
    public CaseUpdating(CallList callList, ContactRestrictions restrictions, AppliedUpdates applied,
            CaseStatuses statuses, CampaignDirectory campaigns, Clock clock) {
        this.callList = Objects.requireNonNull(callList, "callList");
        this.restrictions = Objects.requireNonNull(restrictions, "restrictions");
        this.applied = Objects.requireNonNull(applied, "applied");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.ownership = new CampaignOwnership(campaigns);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void updateCase(UpdateCaseRequest request, StreamObserver<UpdateCaseResponse> response) {
        Caller caller = Caller.current();
        List<Violation> violations = new ArrayList<>();
        FieldChecks.required(request.getCaseId(), "case_id", "the id of the case to update", violations);
        FieldChecks.required(request.getUpdateId(), "update_id",
                "the CRM's id of this update, which makes resending it harmless,", violations);
        if (request.getChangeCase() == UpdateCaseRequest.ChangeCase.CHANGE_NOT_SET) {
            violations.add(new Violation("change", "missing: one of " + CaseChanges.KINDS + " is required"));
        }
        if (!violations.isEmpty()) {
            response.onError(Refusals.invalid("update refused, nothing applied", violations));
            return;
        }
        try {
            // Outside the case's lock, so that another tenant's refused updates never keep its own waiting;
            // and before a replay too, whose reply tells where the case stands.
            Optional<Case> known = await(callList.find(request.getCaseId()));
            if (known.isPresent()) {
                ownedByCaller(known.get(), caller);
            }
            UpdateCaseResponse reply = applied.whileUpdating(request.getCaseId(), () -> applyOnce(request));
            response.onNext(reply);
            response.onCompleted();
        } catch (StatusRuntimeException refused) {
            response.onError(refused);
        } catch (AppliedUpdates.CaseBusy busy) {
            response.onError(Refusals.of(Code.ABORTED, busy.getMessage() + "; retry the update"));
        } catch (RuntimeException failure) {
            log.warn("Update {} of case {} failed in the call list", request.getUpdateId(), request.getCaseId(),
                    failure);
            response.onError(Refusals.of(Code.UNAVAILABLE, "the call list is unavailable; update "
                    + request.getUpdateId() + " may be applied in part, resending it is safe"));
        }
    }

    private UpdateCaseResponse applyOnce(UpdateCaseRequest request) {
        String caseId = request.getCaseId();
        Optional<AppliedUpdate> earlier = applied.find(caseId, request.getUpdateId());
        if (earlier.isPresent()) {
            if (!AppliedUpdates.isResendOf(request, earlier.get())) {
                throw Refusals.invalid("update refused, nothing applied", List.of(new Violation("update_id",
                        "\"" + request.getUpdateId() + "\" was already applied to case " + caseId
                                + " with another change; every update needs an id of its own")));
            }
            log.debug("Update {} of case {} was applied before; replaying its reply", request.getUpdateId(), caseId);
            return AppliedUpdates.replyOf(earlier.get()).toBuilder().setReplayed(true).build();
        }

        Case aCase = await(callList.find(caseId)).orElseThrow(() -> Refusals.notFound(caseId));
        List<Violation> violations = new ArrayList<>();
        Optional<CaseChange> change = CaseChanges.read(request, aCase, clock.instant(), violations);
        if (change.isEmpty()) {
            throw Refusals.invalid("update " + request.getUpdateId() + " of case " + caseId
                    + " refused, nothing applied", violations);
        }
        await(change.get().applyTo(callList, restrictions));
        UpdateCaseResponse reply = UpdateCaseResponse.newBuilder().setStatus(await(statuses.of(caseId))).build();
        // Remembered only once applied: a failed attempt is applied again on resend (each change may be).
        applied.remember(request, reply);
        log.info("Case {} updated ({}, update {}): now {}", caseId, request.getChangeCase(), request.getUpdateId(),
                reply.getStatus());
        return reply;
    }

    private void ownedByCaller(Case aCase, Caller caller) {
        try {
            // another tenant's case is answered as a missing one (NOT_FOUND), never PERMISSION_DENIED
            await(ownership.requireCaseOwnedBy(caller, aCase.campaignId(), aCase.caseId()));
        } catch (IllegalStateException failed) {
            if (failed.getCause() instanceof StatusRuntimeException refused) {
                throw refused;
            }
            throw failed;
        }
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the call list failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the call list did not answer within " + STORE_WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the call list", e);
        }
    }
}
