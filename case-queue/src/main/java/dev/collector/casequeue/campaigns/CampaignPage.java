package dev.collector.casequeue.campaigns;

import dev.collector.domain.campaign.Campaign;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a tenant's campaigns in campaign id order.
 *
 * @param continueAfter the id to list after for the next page; empty on the last page
 */
public record CampaignPage(List<Campaign> campaigns, Optional<String> continueAfter) {

    public CampaignPage {
        campaigns = List.copyOf(campaigns);
        Objects.requireNonNull(continueAfter, "continueAfter");
    }
}
