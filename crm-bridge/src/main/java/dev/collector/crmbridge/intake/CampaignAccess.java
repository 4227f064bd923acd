package dev.collector.crmbridge.intake;

import dev.collector.crmbridge.auth.CrmClients;
import dev.collector.domain.campaign.Campaign;
import dev.collector.domain.campaign.CampaignDirectory;
import dev.collector.domain.casework.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which campaigns one caller may put cases into, asked once per campaign for the length of one
 * request or stream (a bulk load names a handful of campaigns in a million cases).
 */
final class CampaignAccess {

    enum Verdict { OPEN, NOT_OPEN, OTHER_TENANT }

    private final CampaignDirectory directory;
    private final String tenantId;
    private final Map<String, CompletableFuture<Optional<Campaign>>> seen = new ConcurrentHashMap<>();

    CampaignAccess(CampaignDirectory directory, String tenantId) {
        this.directory = directory;
        this.tenantId = tenantId;
    }

    /** Looks up the campaigns not looked up before; completes when all are known. */
    CompletionStage<Void> learn(Iterable<String> campaignIds) {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (String campaignId : campaignIds) {
            pending.add(seen.computeIfAbsent(campaignId, id -> directory.find(id).toCompletableFuture()));
        }
        return CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0]));
    }

    /** May a case join the campaign? Only after {@link #learn} covered it. */
    Verdict verdictOn(String campaignId) {
        Optional<Campaign> campaign = seen.get(campaignId).join();
        if (campaign.isEmpty()) {
            return Verdict.NOT_OPEN;
        }
        if (!campaign.get().tenantId().equals(tenantId)) {
            return Verdict.OTHER_TENANT;
        }
        return campaign.get().acceptsCases() ? Verdict.OPEN : Verdict.NOT_OPEN;
    }

    /**
     * Whether a case already held may be replaced by this caller: it must be in one of the
     * caller's campaigns (or, for the installation's own tenant, in a campaign without record).
     * Blocks on a directory lookup for a campaign not seen before, which is rare: a case is
     * resubmitted into the campaign it is in.
     */
    boolean ownsHeld(Case held) {
        Optional<Campaign> campaign = seen.computeIfAbsent(held.campaignId(),
                id -> directory.find(id).toCompletableFuture()).join();
        String owner = campaign.map(Campaign::tenantId).orElse(CrmClients.DEFAULT_TENANT);
        return owner.equals(tenantId);
    }
}
