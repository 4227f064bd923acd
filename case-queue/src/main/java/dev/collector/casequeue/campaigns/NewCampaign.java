package dev.collector.casequeue.campaigns;

import dev.collector.compliance.rules.CampaignRules;
import dev.collector.domain.campaign.DialMode;
import java.util.Objects;

/**
 * A campaign as a CRM asks for it, already validated.
 *
 * @param rules the campaign's calling rules ({@link CampaignRules#strictest} when the CRM gave none)
 */
public record NewCampaign(String campaignId, String displayName, DialMode dialMode, CampaignRules rules) {

    public NewCampaign {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(dialMode, "dialMode");
        Objects.requireNonNull(rules, "rules");
        if (!rules.campaignId().equals(campaignId)) {
            throw new IllegalArgumentException("rules of campaign " + rules.campaignId() + " given for " + campaignId);
        }
    }
}
