package dev.collector.compliance.rules;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign's contact rules: one set by default and overrides by country (ISO 3166 alpha-2, the
 * country of the number dialed), since the law that applies is the law where the debtor lives.
 */
public record CampaignRules(String campaignId, ContactRules defaults, Map<String, ContactRules> byCountry)
        implements Serializable {

    public CampaignRules {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(defaults, "defaults");
        byCountry = Map.copyOf(byCountry);
    }

    public static CampaignRules strictest(String campaignId) {
        return new CampaignRules(campaignId, ContactRules.strictest(), Map.of());
    }

    public ContactRules forCountry(Optional<String> country) {
        return country.map(byCountry::get).orElse(defaults);
    }

    public CampaignRules withCountry(String country, ContactRules rules) {
        java.util.HashMap<String, ContactRules> copy = new java.util.HashMap<>(byCountry);
        copy.put(country, rules);
        return new CampaignRules(campaignId, defaults, copy);
    }
}
