package dev.collector.crmbridge.intake;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.Status;
import dev.collector.crmbridge.auth.Caller;
import dev.collector.domain.campaign.CampaignDirectory;
import dev.collector.domain.casework.Admission;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import dev.collector.protos.v1.SubmitCasesRequest;
import dev.collector.protos.v1.SubmitCasesResponse;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code collector.v1.CaseService.SubmitCases}: a CRM submits a batch of cases and the valid ones join their
 * campaigns' call lists, whatever is wrong with the others. The reply names what was admitted
 * either way, so the CRM never has to guess which half of a rejected batch to resend.
 *
 * <p>A case may only join an existing, not closed campaign of the caller's tenant. A case naming
 * another tenant's campaign refuses the whole request: a CRM that sends to campaigns not its own
 * is misconfigured, and admitting the rest would hide that.
 */
public final class CaseSubmission {

    /** Larger loads belong on a streaming intake; a unary reply this big would also be hard to act on. */
    public static final int MAX_CASES_PER_REQUEST = 1000;

    private static final Logger log = LoggerFactory.getLogger(CaseSubmission.class);

    private final CallList callList;
    private final CaseValidator validator;
    private final CampaignDirectory campaigns;

    public CaseSubmission(CallList callList, CaseValidator validator, CampaignDirectory campaigns) {
        this.callList = Objects.requireNonNull(callList, "callList");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
    }

    public void submitCases(SubmitCasesRequest request, StreamObserver<SubmitCasesResponse> response) {
        // On the gRPC thread: the caller is not known in the call list's callbacks.
        String tenantId = Caller.current().tenantId();
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

        Submission submission = new Submission(count);
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
                submission.valid.put(i, ((Validation.Valid) validation).aCase());
            }
            if (!ofThisCase.isEmpty()) {
                submission.violations.put(i, ofThisCase);
            }
        }

        CampaignAccess access = new CampaignAccess(campaigns, tenantId);
        admit(submission, access).whenComplete((admissions, failure) -> {
            if (failure != null) {
                log.warn("Call list failed while admitting {} submitted cases", count, failure);
                response.onError(StatusProto.toStatusRuntimeException(Status.newBuilder()
                        .setCode(Code.UNAVAILABLE_VALUE)
                        .setMessage("the call list is unavailable; some of the " + count + " cases may have been"
                                + " admitted before it failed, resubmitting the request is harmless")
                        .build()));
                return;
            }
            if (!submission.otherTenants.isEmpty()) {
                log.info("Refused a request of tenant {}: {} in campaigns of another tenant", tenantId,
                        submission.otherTenants);
                response.onError(StatusProto.toStatusRuntimeException(Status.newBuilder()
                        .setCode(Code.PERMISSION_DENIED_VALUE)
                        .setMessage("nothing admitted: a campaign that is not yours is named by "
                                + String.join(", ", submission.otherTenants))
                        .build()));
                return;
            }
            reply(submission, admissions, response);
        });
    }

    /** Checks the valid cases' campaigns, then admits those in open campaigns of the caller's. */
    private CompletionStage<List<Admission>> admit(Submission submission, CampaignAccess access) {
        if (submission.valid.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Set<String> campaignIds = new LinkedHashSet<>();
        submission.valid.values().forEach(c -> campaignIds.add(c.campaignId()));
        return access.learn(campaignIds).thenCompose(known -> {
            // In request order, so that cases of equal priority queue in the order the CRM sent them.
            List<Case> admissible = new ArrayList<>(submission.valid.size());
            submission.valid.forEach((index, aCase) -> {
                CampaignAccess.Verdict verdict = access.verdictOn(aCase.campaignId());
                if (verdict == CampaignAccess.Verdict.OPEN) {
                    admissible.add(aCase);
                } else if (verdict == CampaignAccess.Verdict.OTHER_TENANT) {
                    submission.otherTenants.add("cases[" + index + "]");
                } else {
                    submission.violations.put(index, List.of(new Violation("cases[" + index + "].campaign_id",
                            "no open campaign \"" + aCase.campaignId()
                                    + "\"; create it with CampaignService.CreateCampaign first")));
                }
            });
            if (admissible.isEmpty() || !submission.otherTenants.isEmpty()) {
                return CompletableFuture.completedFuture(List.of());
            }
            return callList.admitAll(admissible, access::ownsHeld);
        });
    }

    /**
     * The status of a request that got as far as the call list. The most serious problem names
     * the code (a case id held for another tenant, then invalid cases, then stale versions); the
     * details carry everything that was found and which cases were admitted.
     */
    private static void reply(Submission submission, List<Admission> admissions,
            StreamObserver<SubmitCasesResponse> response) {
        Map<String, Integer> indexOf = new HashMap<>(submission.valid.size() * 2);
        submission.valid.forEach((index, aCase) -> indexOf.put(aCase.caseId(), index));
        List<String> admitted = new ArrayList<>();
        Map<Integer, Admission.StaleVersion> stale = new TreeMap<>();
        List<String> heldElsewhere = new ArrayList<>();
        for (Admission admission : admissions) {
            int index = indexOf.get(admission.caseId());
            if (admission instanceof Admission.Admitted) {
                admitted.add(admission.caseId());
            } else if (admission instanceof Admission.StaleVersion staleVersion) {
                stale.put(index, staleVersion);
            } else {
                heldElsewhere.add("cases[" + index + "]");
            }
        }
        SubmitCasesResponse accepted = SubmitCasesResponse.newBuilder().addAllAcceptedCaseIds(admitted).build();
        int count = submission.count;
        if (submission.violations.isEmpty() && stale.isEmpty() && heldElsewhere.isEmpty()) {
            response.onNext(accepted);
            response.onCompleted();
            return;
        }

        Status.Builder status = Status.newBuilder();
        if (!submission.violations.isEmpty()) {
            // One list of field violations is easier to act on than two details: the stale
            // versions join it, in request order.
            stale.forEach((index, s) -> submission.violations.put(index, List.of(
                    new Violation("cases[" + index + "].version", staleness(s)))));
            List<Violation> violations = new ArrayList<>();
            submission.violations.values().forEach(violations::addAll);
            List<String> refused = submission.violations.keySet().stream().map(i -> "cases[" + i + "]").toList();
            log.debug("Admitted {} of {} submitted cases; refused {}", admitted.size(), count, refused);
            status.setCode(Code.INVALID_ARGUMENT_VALUE)
                    .setMessage(refused.size() + " of " + count + " cases refused (" + String.join(", ", refused)
                            + "), " + admitted.size() + " admitted; see the field violations")
                    .addDetails(Any.pack(Violation.asBadRequest(violations)));
        } else if (!stale.isEmpty()) {
            PreconditionFailure.Builder failure = PreconditionFailure.newBuilder();
            stale.forEach((index, s) -> failure.addViolationsBuilder()
                    .setType("STALE_VERSION").setSubject("cases[" + index + "]").setDescription(staleness(s)));
            status.setCode(Code.FAILED_PRECONDITION_VALUE)
                    .setMessage(stale.size() + " of " + count + " cases refused as older than the versions held ("
                            + String.join(", ", stale.keySet().stream().map(i -> "cases[" + i + "]").toList())
                            + "), the other " + admitted.size() + " admitted")
                    .addDetails(Any.pack(failure.build()));
        }
        if (!heldElsewhere.isEmpty()) {
            log.info("Refused {} of {} submitted cases: their ids are held for another tenant", heldElsewhere, count);
            String others = status.getMessage().isEmpty() ? "" : "; besides, " + status.getMessage();
            status.setCode(Code.PERMISSION_DENIED_VALUE)
                    .setMessage(String.join(", ", heldElsewhere) + " not admitted: the case id is taken by a case"
                            + " that is not yours; " + admitted.size() + " of " + count + " cases admitted" + others);
        }
        response.onError(StatusProto.toStatusRuntimeException(status.addDetails(Any.pack(accepted)).build()));
    }

    private static String staleness(Admission.StaleVersion stale) {
        return "version " + stale.submittedVersion() + " is older than version " + stale.heldVersion()
                + " already held; the held case stays";
    }

    /** One request after validation: the valid cases and the problems, by index. */
    private static final class Submission {
        final int count;
        final Map<Integer, Case> valid = new TreeMap<>();
        final Map<Integer, List<Violation>> violations = new TreeMap<>();
        /** The cases naming another tenant's campaign: any refuses the request. */
        final List<String> otherTenants = new ArrayList<>();

        Submission(int count) {
            this.count = count;
        }
    }
}
