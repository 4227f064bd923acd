package dev.collector.routing.roster;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How long an agent has, after the debtor hangs up, to record the disposition: per campaign (a
 * complicated late-stage call needs longer notes than a reminder), else the default.
 */
public record WrapUpTimes(Duration usual, Map<String, Duration> byCampaign) {

    public WrapUpTimes {
        Objects.requireNonNull(usual, "usual");
        byCampaign = Map.copyOf(byCampaign);
        if (usual.isNegative() || usual.isZero()) {
            throw new IllegalArgumentException("the wrap-up time must be positive, got " + usual);
        }
        byCampaign.forEach((campaign, time) -> {
            if (time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("the wrap-up time of " + campaign + " must be positive");
            }
        });
    }

    public static WrapUpTimes of(Duration usual) {
        return new WrapUpTimes(usual, Map.of());
    }

    public Duration forCampaign(String campaignId) {
        return byCampaign.getOrDefault(campaignId, usual);
    }
}
