package dev.collector.crmbridge.auth;

import dev.collector.domain.campaign.Campaign;
import dev.collector.domain.campaign.CampaignDirectory;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Which tenant a campaign, and so its cases and outcomes, belongs to: tenants on one installation
 * never see each other's work. A campaign without a record (internal and demo campaigns, cases
 * submitted before campaigns were kept) belongs to {@link CrmClients#DEFAULT_TENANT}.
 */
public final class CampaignOwnership {

    private final CampaignDirectory campaigns;

    public CampaignOwnership(CampaignDirectory campaigns) {
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
    }

    /** The tenant the campaign belongs to. */
    public CompletionStage<String> ownerOf(String campaignId) {
        if (campaignId.isEmpty()) {
            return CompletableFuture.completedFuture(CrmClients.DEFAULT_TENANT);
        }
        return campaigns.find(campaignId)
                .thenApply(found -> found.map(Campaign::tenantId).orElse(CrmClients.DEFAULT_TENANT));
    }

    /** The tenant of each campaign (looked up together). */
    public CompletionStage<Map<String, String>> ownersOf(Collection<String> campaignIds) {
        Map<String, CompletableFuture<String>> lookups = new HashMap<>();
        for (String campaignId : campaignIds) {
            lookups.computeIfAbsent(campaignId, id -> ownerOf(id).toCompletableFuture());
        }
        return CompletableFuture.allOf(lookups.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, String> owners = new HashMap<>();
            lookups.forEach((id, owner) -> owners.put(id, owner.join()));
            return owners;
        });
    }

    /**
     * Completes normally when the case's campaign is the caller's tenant's; otherwise fails with
     * {@link #noSuchCase(String)}, exactly as for a case never submitted: a client must not tell
     * "another tenant has it" from "nobody has it" by the answer.
     */
    public CompletionStage<Void> requireCaseOwnedBy(Caller caller, String campaignId, String caseId) {
        return ownerOf(campaignId).thenAccept(owner -> {
            if (!owner.equals(caller.tenantId())) {
                throw noSuchCase(caseId);
            }
        });
    }

    /**
     * The one answer of every case-addressed method for a case id the caller may not see, whether
     * it is unknown or another tenant's: same code, same words.
     */
    public static StatusRuntimeException noSuchCase(String caseId) {
        return io.grpc.protobuf.StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(com.google.rpc.Code.NOT_FOUND_VALUE)
                .setMessage("no case " + caseId + ": it was never submitted, or under another case_id")
                .build());
    }

    /** PERMISSION_DENIED, naming only what the caller asked for: never whose it is. */
    public static StatusRuntimeException notYours(String what) {
        return Status.PERMISSION_DENIED.withDescription(what + " belongs to another tenant than the caller's")
                .asRuntimeException();
    }
}
