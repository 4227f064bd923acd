package dev.collector.crmbridge.intake;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import dev.collector.protos.v1.SubmitCasesRequest;
import dev.collector.protos.v1.SubmitCasesResponse;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code collector.v1.CaseService.SubmitCases}: a CRM submits a batch of cases and the valid ones join their
 * campaigns' call lists, whatever is wrong with the others. The reply names what was admitted
 * either way, so the CRM never has to guess which half of a rejected batch to resend.
 */
public final class CaseSubmission {

    /** Larger loads belong on a streaming intake; a unary reply this big would also be hard to act on. */
    public static final int MAX_CASES_PER_REQUEST = 1000;

    private static final Logger log = LoggerFactory.getLogger(CaseSubmission.class);

    private final CallList callList;
    private final CaseValidator validator;

    public CaseSubmission(CallList callList, CaseValidator validator) {
        this.callList = Objects.requireNonNull(callList, "callList");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    public void submitCases(SubmitCasesRequest request, StreamObserver<SubmitCasesResponse> response) {
        int count = request.getCasesCount();
        if (count == 0 || count > MAX_CASES_PER_REQUEST) {
            String reason = count == 0
                    ? "no cases: a request carries at least one"
                    : count + " cases in one request; send at most " + MAX_CASES_PER_REQUEST + " per request";
            response.onError(StatusProto.toStatusRuntimeException(Status.newBuilder()
                    .setCode(Code.INVALID_ARGUMENT_VALUE)
                    .setMessage("nothing admitted: " + reason)
                    .addDetails(Any.pack(Violation.asBadRequest(List.of(new Violation("cases", reason)))))
                    .build()));
            return;
        }

        List<Case> admissible = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        for (int i = 0; i < count; i++) {
            dev.collector.protos.v1.Case wire = request.getCases(i);
            String path = "cases[" + i + "]";
            List<Violation> ofThisCase = new ArrayList<>();
            Integer earlier = wire.getCaseId().isBlank() ? null : firstIndexOfId.putIfAbsent(wire.getCaseId(), i);
            if (earlier != null) {
                // Which of two versions in one request is meant? Refuse to guess.
                ofThisCase.add(new Violation(path + ".case_id", "\"" + wire.getCaseId() + "\" is also the id of cases["
                        + earlier + "]; a request may carry each case once"));
            }
            Validation validation = validator.validate(wire, path);
            if (validation instanceof Validation.Invalid invalid) {
                ofThisCase.addAll(invalid.violations());
            } else if (ofThisCase.isEmpty()) {
                admissible.add(((Validation.Valid) validation).aCase());
            }
            if (!ofThisCase.isEmpty()) {
                violations.addAll(ofThisCase);
                refused.add(path);
            }
        }

        List<String> admitted = new ArrayList<>();
        admitInRequestOrder(admissible, admitted).whenComplete((done, failure) -> {
            SubmitCasesResponse accepted = SubmitCasesResponse.newBuilder().addAllAcceptedCaseIds(admitted).build();
            if (failure != null) {
                log.warn("Call list failed after admitting {} of {} submitted cases", admitted.size(), count, failure);
                response.onError(StatusProto.toStatusRuntimeException(Status.newBuilder()
                        .setCode(Code.UNAVAILABLE_VALUE)
                        .setMessage("the call list is unavailable; " + admitted.size() + " of " + count
                                + " cases were admitted before it failed, resubmitting them is harmless")
                        .addDetails(Any.pack(accepted))
                        .build()));
            } else if (violations.isEmpty()) {
                response.onNext(accepted);
                response.onCompleted();
            } else {
                log.debug("Admitted {} of {} submitted cases; refused {}", admitted.size(), count, refused);
                response.onError(StatusProto.toStatusRuntimeException(Status.newBuilder()
                        .setCode(Code.INVALID_ARGUMENT_VALUE)
                        .setMessage(refused.size() + " of " + count + " cases refused (" + String.join(", ", refused)
                                + "), the other " + admitted.size() + " admitted; see the field violations")
                        .addDetails(Any.pack(Violation.asBadRequest(violations)))
                        .addDetails(Any.pack(accepted))
                        .build()));
            }
        });
    }

    /**
     * One after the other, so that cases of equal priority queue in the order the CRM sent them.
     * {@code admitted} grows as each admission completes; on failure it holds those that made it.
     */
    private CompletableFuture<Void> admitInRequestOrder(List<Case> cases, List<String> admitted) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Case aCase : cases) {
            chain = chain.thenCompose(previous -> callList.admit(aCase))
                    .thenRun(() -> admitted.add(aCase.caseId()));
        }
        return chain;
    }
}
