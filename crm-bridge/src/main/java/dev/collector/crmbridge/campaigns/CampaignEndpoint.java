package dev.collector.crmbridge.campaigns;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.collector.casequeue.campaigns.CampaignPage;
import dev.collector.casequeue.campaigns.CampaignResult;
import dev.collector.casequeue.campaigns.CampaignUpdate;
import dev.collector.casequeue.campaigns.HazelcastCampaigns;
import dev.collector.casequeue.campaigns.NewCampaign;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.crmbridge.auth.Caller;
import dev.collector.crmbridge.intake.FieldChecks;
import dev.collector.crmbridge.intake.Violation;
import dev.collector.domain.campaign.Campaign;
import dev.collector.protos.v1.CampaignServiceGrpc;
import dev.collector.protos.v1.CloseCampaignRequest;
import dev.collector.protos.v1.CreateCampaignRequest;
import dev.collector.protos.v1.GetCampaignRequest;
import dev.collector.protos.v1.ListCampaignsRequest;
import dev.collector.protos.v1.ListCampaignsResponse;
import dev.collector.protos.v1.PauseCampaignRequest;
import dev.collector.protos.v1.ResumeCampaignRequest;
import dev.collector.protos.v1.UpdateCampaignRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code collector.v1.CampaignService}: a CRM creates its campaigns, sets how they are dialed and
 * when debtors may be called, pauses, resumes and closes them. Every call acts for the caller's
 * tenant; another tenant's campaign looks exactly like a missing one.
 *
 * <p>Runs on gRPC's handler threads and blocks on them (Hazelcast queries have no asynchronous
 * form); the caller is read from the gRPC context first, on the handler thread.
 */
public final class CampaignEndpoint extends CampaignServiceGrpc.CampaignServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(CampaignEndpoint.class);
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 500;

    private final HazelcastCampaigns campaigns;

    public CampaignEndpoint(HazelcastCampaigns campaigns) {
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
    }

    @Override
    public void createCampaign(CreateCampaignRequest request, StreamObserver<dev.collector.protos.v1.Campaign> response) {
        respond(response, "create", () -> {
            String tenantId = tenantOfCaller();
            List<Violation> violations = new ArrayList<>();
            Optional<NewCampaign> wanted = CampaignValidator.creation(request, violations);
            if (wanted.isEmpty()) {
                throw invalid("campaign refused, nothing created", violations);
            }
            return reply(campaigns.create(tenantId, wanted.get()));
        });
    }

    @Override
    public void getCampaign(GetCampaignRequest request, StreamObserver<dev.collector.protos.v1.Campaign> response) {
        respond(response, "get", () -> {
            String tenantId = tenantOfCaller();
            requireId(request.getCampaignId());
            Campaign campaign = campaigns.get(tenantId, request.getCampaignId())
                    .orElseThrow(() -> notFound(request.getCampaignId()));
            return CampaignMessages.toWire(campaign, campaigns.rulesOf(campaign.campaignId()));
        });
    }

    @Override
    public void listCampaigns(ListCampaignsRequest request, StreamObserver<ListCampaignsResponse> response) {
        respond(response, "list", () -> {
            String tenantId = tenantOfCaller();
            List<Violation> violations = new ArrayList<>();
            int pageSize = request.getPageSize() == 0 ? DEFAULT_PAGE_SIZE : request.getPageSize();
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                violations.add(new Violation("page_size", request.getPageSize() + " is out of range: 1 to "
                        + MAX_PAGE_SIZE + ", or 0 for " + DEFAULT_PAGE_SIZE));
            }
            Optional<String> after = PageTokens.read(request.getPageToken(), violations);
            if (!violations.isEmpty()) {
                throw invalid("list refused", violations);
            }
            CampaignPage page = campaigns.list(tenantId, after, pageSize);
            Map<String, CampaignRules> rules = campaigns.rulesOf(
                    page.campaigns().stream().map(Campaign::campaignId).toList());
            ListCampaignsResponse.Builder reply = ListCampaignsResponse.newBuilder();
            page.campaigns().forEach(c -> reply.addCampaigns(CampaignMessages.toWire(c, rules.get(c.campaignId()))));
            page.continueAfter().ifPresent(last -> reply.setNextPageToken(PageTokens.after(last)));
            return reply.build();
        });
    }

    @Override
    public void updateCampaign(UpdateCampaignRequest request, StreamObserver<dev.collector.protos.v1.Campaign> response) {
        respond(response, "update", () -> {
            String tenantId = tenantOfCaller();
            List<Violation> violations = new ArrayList<>();
            FieldChecks.required(request.getCampaignId(), "campaign_id", "the id of the campaign to update", violations);
            Optional<CampaignUpdate> update = CampaignValidator.update(request, violations);
            if (!violations.isEmpty()) {
                throw invalid("update of campaign " + request.getCampaignId() + " refused, nothing changed", violations);
            }
            return reply(campaigns.update(tenantId, request.getCampaignId(), update.orElseThrow()));
        });
    }

    @Override
    public void pauseCampaign(PauseCampaignRequest request, StreamObserver<dev.collector.protos.v1.Campaign> response) {
        respond(response, "pause", () -> {
            String tenantId = tenantOfCaller();
            requireId(request.getCampaignId());
            return reply(campaigns.pause(tenantId, request.getCampaignId(), request.getReason()));
        });
    }

    @Override
    public void resumeCampaign(ResumeCampaignRequest request, StreamObserver<dev.collector.protos.v1.Campaign> response) {
        respond(response, "resume", () -> {
            String tenantId = tenantOfCaller();
            requireId(request.getCampaignId());
            return reply(campaigns.resume(tenantId, request.getCampaignId()));
        });
    }

    @Override
    public void closeCampaign(CloseCampaignRequest request, StreamObserver<dev.collector.protos.v1.Campaign> response) {
        respond(response, "close", () -> {
            String tenantId = tenantOfCaller();
            List<Violation> violations = new ArrayList<>();
            FieldChecks.required(request.getCampaignId(), "campaign_id", "the id of the campaign to close", violations);
            FieldChecks.required(request.getReason(), "reason", "why the campaign closes (kept with each closed case)",
                    violations);
            if (!violations.isEmpty()) {
                throw invalid("close refused, nothing closed", violations);
            }
            return reply(campaigns.close(tenantId, request.getCampaignId(), request.getReason()));
        });
    }

    // --- internals -------------------------------------------------------------------------------

    private dev.collector.protos.v1.Campaign reply(CampaignResult result) {
        if (result instanceof CampaignResult.Done done) {
            return CampaignMessages.toWire(done.campaign(), campaigns.rulesOf(done.campaign().campaignId()));
        }
        if (result instanceof CampaignResult.NotFound missing) {
            throw notFound(missing.campaignId());
        }
        if (result instanceof CampaignResult.AlreadyExists taken) {
            throw refusal(Code.ALREADY_EXISTS, "campaign " + taken.campaignId()
                    + " exists already; campaign ids are unique across the installation");
        }
        if (result instanceof CampaignResult.AlreadyClosed closed) {
            throw refusal(Code.FAILED_PRECONDITION, "campaign " + closed.campaign().campaignId()
                    + " is closed for good; create a new campaign instead");
        }
        throw new IllegalStateException("unexpected result " + result);
    }

    private static <T> void respond(StreamObserver<T> response, String what, Supplier<T> call) {
        T reply;
        try {
            reply = call.get();
        } catch (StatusRuntimeException refused) {
            response.onError(refused);
            return;
        } catch (RuntimeException failure) {
            log.warn("Campaign {} failed in the call list", what, failure);
            response.onError(refusal(Code.UNAVAILABLE, "the call list is unavailable; the " + what
                    + " may have been applied, retrying it is safe"));
            return;
        }
        response.onNext(reply);
        response.onCompleted();
    }

    /** Read on the handler thread: the gRPC context does not follow into other threads. */
    private static String tenantOfCaller() {
        try {
            return Caller.current().tenantId();
        } catch (IllegalStateException noCaller) {
            throw refusal(Code.UNAUTHENTICATED, "no authenticated caller");
        }
    }

    private static void requireId(String campaignId) {
        List<Violation> violations = new ArrayList<>();
        if (!FieldChecks.required(campaignId, "campaign_id", "the campaign id", violations)) {
            throw invalid("request refused", violations);
        }
    }

    private static StatusRuntimeException notFound(String campaignId) {
        return refusal(Code.NOT_FOUND, "no campaign " + campaignId);
    }

    private static StatusRuntimeException invalid(String message, List<Violation> violations) {
        return StatusProto.toStatusRuntimeException(Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(message + "; see the field violations")
                .addDetails(Any.pack(Violation.asBadRequest(violations)))
                .build());
    }

    private static StatusRuntimeException refusal(Code code, String message) {
        return StatusProto.toStatusRuntimeException(Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .build());
    }

    /** Opaque to the CRM: the last campaign id of the page, so that a page is stable under inserts before it. */
    static final class PageTokens {

        private static final String VERSION = "1:";

        private PageTokens() {
        }

        static String after(String campaignId) {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((VERSION + campaignId).getBytes(StandardCharsets.UTF_8));
        }

        static Optional<String> read(String token, List<Violation> violations) {
            if (token.isEmpty()) {
                return Optional.empty();
            }
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (decoded.startsWith(VERSION) && decoded.length() > VERSION.length()) {
                    return Optional.of(decoded.substring(VERSION.length()));
                }
            } catch (IllegalArgumentException notBase64) {
                // refused below like any other token this server did not hand out
            }
            violations.add(new Violation("page_token", "not a page token from ListCampaigns; send the"
                    + " next_page_token of the previous page, or none for the first page"));
            return Optional.empty();
        }
    }
}
