package dev.collector.dialer.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The last pacing decision of a campaign as a supervisor reads it.
 *
 * @param campaignMode       the dial mode the campaign is set to (PREVIEW, PROGRESSIVE, POWER, PREDICTIVE)
 * @param modeInForce        the mode the decision used: PROGRESSIVE while the governor is engaged
 * @param callsInFlight      calls ringing or answered and not yet ended
 * @param agentsLoggedIn     agents ready, reserved, talking or wrapping up
 * @param governorEngagedAt  since when the governor holds the campaign progressive, if it does
 * @param reason             the policy's own words
 */
public record PacingStatus(Instant at, String campaignMode, String modeInForce, int callsInFlight, int agentsLoggedIn,
                           long abandonsInWindow, long answeredInWindow, double abandonCap, Duration window,
                           Optional<Instant> governorEngagedAt, String reason) {

    public static PacingStatus notYet(String campaignMode, double abandonCap, Duration window) {
        return new PacingStatus(Instant.EPOCH, campaignMode, campaignMode, 0, 0, 0, 0, abandonCap, window,
                Optional.empty(), "not paced yet");
    }

    /** Calls in flight per logged-in agent: 1 is progressive, more is dialing ahead. */
    public double callsPerAgent() {
        return agentsLoggedIn == 0 ? 0 : callsInFlight / (double) agentsLoggedIn;
    }

    public double abandonRate() {
        return answeredInWindow == 0 ? 0 : abandonsInWindow / (double) answeredInWindow;
    }
}
