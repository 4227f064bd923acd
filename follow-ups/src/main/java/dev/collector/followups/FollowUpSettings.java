package dev.collector.followups;

import dev.collector.compliance.window.CallingWindow;
import dev.collector.followups.execution.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How the follow-up engine runs.
 *
 * @param contactWindow  local hours in the debtor's zone in which SMS and e-mail may go out
 *                       (Regulation F's 08:00-21:00 covers texts and e-mails too)
 * @param retries        waits between failed deliveries
 * @param pollInterval   how often due entries are looked for
 */
public record FollowUpSettings(CallingWindow contactWindow, Backoff retries, Duration pollInterval) {

    public FollowUpSettings {
        Objects.requireNonNull(contactWindow, "contactWindow");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    public static FollowUpSettings defaults() {
        return new FollowUpSettings(CallingWindow.standard(), new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)),
                Duration.ofSeconds(5));
    }
}
