package dev.collector.crmbridge.intake;

import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.collector.crmbridge.auth.Caller;
import dev.collector.domain.campaign.CampaignDirectory;
import dev.collector.domain.casework.Admission;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import dev.collector.protos.v1.LoadCasesRequest;
import dev.collector.protos.v1.LoadCasesResponse;
import dev.collector.protos.v1.RejectedCase;
import dev.collector.protos.v1.RejectionReason;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code collector.v1.CaseService.LoadCases}: a CRM streams its call list in batches and gets one
 * acknowledgement per batch, in order, naming every case that was not admitted and why.
 *
 * <p>While one batch is admitted the next ones are already read and validated: the stream asks
 * gRPC for {@value #BATCHES_READ_AHEAD} batches ahead, and for one more each time a batch is
 * acknowledged, which is how a client that outruns the call list is slowed down (flow control)
 * instead of filling this server's heap. Batches without a case in common are admitted at the
 * same time (on two cores one batch alone leaves them idle between its steps); a batch that
 * carries a case of an earlier batch still in admission waits for it, so the later copy wins.
 * Acknowledgements go out in stream order either way. Equal ranks queue in the order the CRM
 * sent them, except between batches admitted together.
 */
public final class CaseLoading {

    public static final int MAX_CASES_PER_BATCH = CaseSubmission.MAX_CASES_PER_REQUEST;
    public static final long MAX_CASES_PER_STREAM = 5_000_000;
    static final int BATCHES_READ_AHEAD = 4;

    private static final Logger log = LoggerFactory.getLogger(CaseLoading.class);

    private final CallList callList;
    private final CaseValidator validator;
    private final CampaignDirectory campaigns;

    public CaseLoading(CallList callList, CaseValidator validator, CampaignDirectory campaigns) {
        this.callList = Objects.requireNonNull(callList, "callList");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
    }

    public StreamObserver<LoadCasesRequest> loadCases(StreamObserver<LoadCasesResponse> response) {
        ServerCallStreamObserver<LoadCasesResponse> acks = (ServerCallStreamObserver<LoadCasesResponse>) response;
        acks.disableAutoRequest();
        Load load = new Load(acks, new CampaignAccess(campaigns, Caller.current().tenantId()));
        acks.request(BATCHES_READ_AHEAD);
        return load;
    }

    /** One stream: its batches in order, its running totals. */
    private final class Load implements StreamObserver<LoadCasesRequest> {

        private final ServerCallStreamObserver<LoadCasesResponse> acks;
        private final CampaignAccess access;
        private final AtomicBoolean ended = new AtomicBoolean();
        /** Completes when the last batch received so far has been acknowledged. */
        private CompletableFuture<Void> acknowledged = CompletableFuture.completedFuture(null);
        /** Batches still being admitted, in stream order (touched on the gRPC thread only). */
        private final List<InAdmission> inAdmission = new ArrayList<>();
        private long received;
        /** Set on the gRPC thread when the stream passed its case limit: later batches are ignored. */
        private boolean overLimit;
        private long acceptedTotal;

        Load(ServerCallStreamObserver<LoadCasesResponse> acks, CampaignAccess access) {
            this.acks = acks;
            this.access = access;
        }

        @Override
        public void onNext(LoadCasesRequest batch) {
            if (overLimit || ended.get()) {
                return;
            }
            received += batch.getCasesCount();
            if (received > MAX_CASES_PER_STREAM) {
                overLimit = true;
                acknowledged.whenComplete((done, failure) -> end(Code.RESOURCE_EXHAUSTED, "more than "
                        + MAX_CASES_PER_STREAM + " cases on one stream; batches up to \"" + batch.getBatchId()
                        + "\" (excluded) were acknowledged, open a new stream for the rest"));
                return;
            }
            // gRPC calls onNext one batch at a time: validation runs here, overlapping the
            // admission of the batches before, and the chain keeps admissions in stream order.
            Checked checked = check(batch);
            Set<String> caseIds = checked.caseIds();
            CompletableFuture<List<Admission>> admission = afterOverlapping(caseIds)
                    .thenCompose(previous -> admit(checked)).toCompletableFuture();
            inAdmission.add(new InAdmission(caseIds, admission));
            acknowledged = acknowledged
                    .thenCombine(admission, (previous, admissions) -> ack(checked, admissions))
                    .thenAccept(ack -> {
                        if (!ended.get()) {
                            acks.onNext(ack);
                            acks.request(1);
                        }
                    })
                    .exceptionally(failure -> {
                        log.warn("Call list failed during bulk load at batch {}", batch.getBatchId(), failure);
                        end(Code.UNAVAILABLE, "the call list is unavailable; batches up to \"" + batch.getBatchId()
                                + "\" (excluded) were acknowledged, resending the others is harmless");
                        throw new IllegalStateException("load ended", failure);
                    });
        }

        @Override
        public void onError(Throwable cancelled) {
            // The client went away: what was admitted stays, the rest was never acknowledged.
            ended.set(true);
        }

        @Override
        public void onCompleted() {
            if (overLimit) {
                return;
            }
            acknowledged.thenRun(() -> {
                if (ended.compareAndSet(false, true)) {
                    acks.onCompleted();
                }
            });
        }

        /** Completes when every earlier batch in admission that shares a case with this one is admitted. */
        private CompletableFuture<Void> afterOverlapping(Set<String> ids) {
            inAdmission.removeIf(earlier -> earlier.admission().isDone());
            List<CompletableFuture<?>> overlapping = new ArrayList<>();
            for (InAdmission earlier : inAdmission) {
                for (String id : ids) {
                    if (earlier.caseIds().contains(id)) {
                        overlapping.add(earlier.admission());
                        break;
                    }
                }
            }
            // Whether the earlier batch succeeded or not: its own acknowledgement reports that.
            return CompletableFuture.allOf(overlapping.toArray(CompletableFuture[]::new))
                    .handle((done, failure) -> null);
        }

        private CompletionStage<List<Admission>> admit(Checked checked) {
            if (checked.validCount() == 0) {
                return CompletableFuture.completedFuture(List.of());
            }
            return access.learn(checked.campaignIds()).thenCompose(known -> {
                List<Case> admissible = new ArrayList<>(checked.validCount());
                for (int index = 0; index < checked.size(); index++) {
                    Case aCase = checked.validAt(index);
                    if (aCase == null) {
                        continue;
                    }
                    CampaignAccess.Verdict verdict = access.verdictOn(aCase.campaignId());
                    if (verdict == CampaignAccess.Verdict.OPEN) {
                        admissible.add(aCase);
                        checked.admitting(index);
                    } else {
                        checked.reject(index, aCase.caseId(), verdict == CampaignAccess.Verdict.OTHER_TENANT
                                        ? RejectionReason.REJECTION_REASON_PERMISSION_DENIED
                                        : RejectionReason.REJECTION_REASON_CAMPAIGN_NOT_OPEN,
                                "campaign_id", verdict == CampaignAccess.Verdict.OTHER_TENANT
                                        ? "not a campaign of yours"
                                        : "no open campaign \"" + aCase.campaignId() + "\"; create it first");
                    }
                }
                if (admissible.isEmpty()) {
                    return CompletableFuture.completedFuture(List.<Admission>of());
                }
                return callList.admitAll(admissible, access::ownsHeld);
            });
        }

        private LoadCasesResponse ack(Checked checked, List<Admission> admissions) {
            // The call list answers in the order it was asked: the n-th admission is the n-th admissible case.
            int accepted = 0;
            for (int n = 0; n < admissions.size(); n++) {
                Admission admission = admissions.get(n);
                int index = checked.admittingIndex(n);
                if (admission instanceof Admission.Admitted) {
                    accepted++;
                } else if (admission instanceof Admission.StaleVersion stale) {
                    checked.reject(index, stale.caseId(), RejectionReason.REJECTION_REASON_STALE_VERSION, "version",
                            "version " + stale.submittedVersion() + " is older than version " + stale.heldVersion()
                                    + " already held; the held case stays");
                } else {
                    checked.reject(index, admission.caseId(), RejectionReason.REJECTION_REASON_PERMISSION_DENIED,
                            "case_id", "the case id is taken by a case that is not yours");
                }
            }
            acceptedTotal += accepted;
            return LoadCasesResponse.newBuilder()
                    .setBatchId(checked.batchId())
                    .setAcceptedCount(accepted)
                    .addAllRejected(checked.rejectedInOrder())
                    .setAcceptedTotal(acceptedTotal)
                    .build();
        }

        private void end(Code code, String message) {
            if (ended.getAndSet(true)) {
                return;
            }
            acks.onError(StatusProto.toStatusRuntimeException(
                    Status.newBuilder().setCode(code.getNumber()).setMessage(message).build()));
        }
    }

    /** Field-level checks of one batch, before anything is admitted. */
    private Checked check(LoadCasesRequest batch) {
        int count = batch.getCasesCount();
        Checked checked = new Checked(batch.getBatchId(), count);
        if (batch.getBatchId().isBlank() || count > MAX_CASES_PER_BATCH) {
            String field = batch.getBatchId().isBlank() ? "batch_id" : "cases";
            String reason = batch.getBatchId().isBlank()
                    ? "required: the id the acknowledgement echoes"
                    : count + " cases in one batch; send at most " + MAX_CASES_PER_BATCH;
            for (int i = 0; i < count; i++) {
                checked.reject(i, batch.getCases(i).getCaseId(), RejectionReason.REJECTION_REASON_INVALID, field, reason);
            }
            return checked;
        }
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        for (int i = 0; i < count; i++) {
            dev.collector.protos.v1.Case wire = batch.getCases(i);
            List<Violation> violations = new ArrayList<>();
            Integer earlier = wire.getCaseId().isBlank() ? null : firstIndexOfId.putIfAbsent(wire.getCaseId(), i);
            if (earlier != null) {
                violations.add(new Violation("case_id", "\"" + wire.getCaseId() + "\" is also the id of case "
                        + earlier + " of this batch; a batch may carry each case once"));
            }
            Validation validation = validator.validate(wire, "");
            if (validation instanceof Validation.Invalid invalid) {
                invalid.violations().forEach(v -> violations.add(new Violation(v.field().substring(1), v.reason())));
            }
            if (violations.isEmpty()) {
                checked.valid(i, ((Validation.Valid) validation).aCase());
            } else {
                checked.reject(i, wire.getCaseId(), RejectionReason.REJECTION_REASON_INVALID, violations);
            }
        }
        return checked;
    }

    /** A batch whose admission has started, with the ids it admits. */
    private record InAdmission(Set<String> caseIds, CompletableFuture<List<Admission>> admission) {
    }

    /**
     * A batch after validation: the valid cases by their index in the batch, the rejections so far,
     * and which indexes went to the call list, in the order they went.
     */
    private static final class Checked {
        private final String batchId;
        private final Case[] valid;
        private int validCount;
        private final int[] admitting;
        private int admittingCount;
        private final Map<Integer, RejectedCase> rejected = new java.util.TreeMap<>();

        Checked(String batchId, int size) {
            this.batchId = batchId;
            this.valid = new Case[size];
            this.admitting = new int[size];
        }

        String batchId() {
            return batchId;
        }

        int size() {
            return valid.length;
        }

        void valid(int index, Case aCase) {
            valid[index] = aCase;
            validCount++;
        }

        /** The valid case at this index of the batch, null when it was refused. */
        Case validAt(int index) {
            return valid[index];
        }

        int validCount() {
            return validCount;
        }

        void admitting(int index) {
            admitting[admittingCount++] = index;
        }

        int admittingIndex(int n) {
            return admitting[n];
        }

        Set<String> caseIds() {
            Set<String> ids = new java.util.HashSet<>(validCount * 2);
            for (Case aCase : valid) {
                if (aCase != null) {
                    ids.add(aCase.caseId());
                }
            }
            return ids;
        }

        Set<String> campaignIds() {
            Set<String> ids = new LinkedHashSet<>();
            for (Case aCase : valid) {
                if (aCase != null) {
                    ids.add(aCase.campaignId());
                }
            }
            return ids;
        }

        void reject(int index, String caseId, RejectionReason reason, String field, String description) {
            reject(index, caseId, reason, List.of(new Violation(field, description)));
        }

        void reject(int index, String caseId, RejectionReason reason, List<Violation> violations) {
            RejectedCase.Builder rejection = RejectedCase.newBuilder().setIndex(index).setCaseId(caseId).setReason(reason);
            violations.forEach(v -> rejection.addViolations(BadRequest.FieldViolation.newBuilder()
                    .setField(v.field()).setDescription(v.reason())));
            rejected.put(index, rejection.build());
        }

        List<RejectedCase> rejectedInOrder() {
            return List.copyOf(rejected.values());
        }
    }
}
