package dev.collector.casequeue.campaigns;

import dev.collector.compliance.rules.CampaignRules;
import dev.collector.domain.campaign.DialMode;
import java.util.Objects;
import java.util.Optional;

/** What to change in a campaign, already validated: each part present is changed, the rest kept. */
public record CampaignUpdate(Optional<String> displayName, Optional<DialMode> dialMode,
        Optional<CampaignRules> rules) {

    public CampaignUpdate {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(dialMode, "dialMode");
        Objects.requireNonNull(rules, "rules");
    }
}
