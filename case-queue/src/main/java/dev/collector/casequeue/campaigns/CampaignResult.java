package dev.collector.casequeue.campaigns;

import dev.collector.domain.campaign.Campaign;
import java.io.Serializable;
import java.util.Objects;

/**
 * How a change to a campaign ended. A campaign of another tenant is {@link NotFound}: a tenant
 * cannot even learn that another one uses an id (except on create, where ids are unique across
 * tenants).
 */
public sealed interface CampaignResult extends Serializable {

    /** The change is made (or there was nothing to change); the campaign as it is now. */
    record Done(Campaign campaign) implements CampaignResult {
        public Done {
            Objects.requireNonNull(campaign, "campaign");
        }
    }

    /** The caller's tenant has no campaign with the id. */
    record NotFound(String campaignId) implements CampaignResult {
        public NotFound {
            Objects.requireNonNull(campaignId, "campaignId");
        }
    }

    /** Create only: some tenant's campaign has the id already. */
    record AlreadyExists(String campaignId) implements CampaignResult {
        public AlreadyExists {
            Objects.requireNonNull(campaignId, "campaignId");
        }
    }

    /** The campaign is closed for good: it can neither change nor dial again. */
    record AlreadyClosed(Campaign campaign) implements CampaignResult {
        public AlreadyClosed {
            Objects.requireNonNull(campaign, "campaign");
        }
    }
}
