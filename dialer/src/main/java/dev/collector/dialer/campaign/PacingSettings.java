package dev.collector.dialer.campaign;

import dev.collector.domain.campaign.DialMode;
import java.time.Duration;
import java.util.Objects;

/**
 * How a campaign is paced besides its dial mode.
 *
 * @param fallbackMode   the mode used while the campaign is not in the campaign directory (a node
 *                       started with only a dial plan, as the demo's first seconds)
 * @param powerRatio     calls per free agent in power mode
 * @param abandonCap     abandoned share of person-answered calls allowed over the window (3 %)
 * @param window         the compliance window: 30 days (FTC), 24 hours (Ofcom)
 * @param previewTimeout how long an agent may look at a previewed case before it is dialed for him
 */
public record PacingSettings(DialMode fallbackMode, double powerRatio, double abandonCap, Duration window,
                             Duration previewTimeout) {

    public PacingSettings {
        Objects.requireNonNull(fallbackMode, "fallbackMode");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(previewTimeout, "previewTimeout");
        if (!(powerRatio >= 1 && powerRatio <= 3)) {
            throw new IllegalArgumentException("powerRatio must be within 1-3: " + powerRatio);
        }
        if (!(abandonCap > 0 && abandonCap < 1)) {
            throw new IllegalArgumentException("abandonCap must be within (0, 1): " + abandonCap);
        }
    }

    /** Progressive until told otherwise, power 1.5, 3 % over 30 days, 30 s to preview. */
    public static PacingSettings defaults() {
        return new PacingSettings(DialMode.PROGRESSIVE, 1.5, 0.03, Duration.ofDays(30), Duration.ofSeconds(30));
    }

    public PacingSettings withFallbackMode(DialMode mode) {
        return new PacingSettings(mode, powerRatio, abandonCap, window, previewTimeout);
    }

    public PacingSettings withPreviewTimeout(Duration timeout) {
        return new PacingSettings(fallbackMode, powerRatio, abandonCap, window, timeout);
    }
}
