package dev.collector.dialer.campaign;

import dev.collector.dialer.pacing.AbandonRateGovernor;
import dev.collector.dialer.pacing.PacingPolicy;
import dev.collector.dialer.pacing.Power;
import dev.collector.dialer.pacing.Predictive;
import dev.collector.dialer.pacing.Progressive;
import dev.collector.domain.campaign.DialMode;

/**
 * The pacing policy for a campaign's dial mode: the same classes the benchmark measures. Power and
 * predictive dial ahead of the agents, so both run under the abandon-rate governor; progressive
 * (and preview, which dials only when the agent says so) cannot abandon and needs none.
 */
final class PacingPolicies {

    private final PacingPolicy progressive = new Progressive();
    private final PacingPolicy power;
    private final PacingPolicy predictive = AbandonRateGovernor.around(Predictive.standard());

    PacingPolicies(PacingSettings settings) {
        this.power = AbandonRateGovernor.around(new Power(settings.powerRatio()));
    }

    PacingPolicy forMode(DialMode mode) {
        return switch (mode) {
            case POWER -> power;
            case PREDICTIVE -> predictive;
            case PROGRESSIVE, PREVIEW -> progressive;
        };
    }
}
