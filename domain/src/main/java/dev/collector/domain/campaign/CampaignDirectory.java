package dev.collector.domain.campaign;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Which campaigns exist, whose they are and whether they dial. Read by the CRM bridge (a case may
 * only join an open campaign of the caller's tenant) and by the call list (a paused campaign is
 * not dialed).
 */
public interface CampaignDirectory {

    /** The campaign, or empty when no campaign has the id. */
    CompletionStage<Optional<Campaign>> find(String campaignId);
}
