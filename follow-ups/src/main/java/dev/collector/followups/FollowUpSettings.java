package dev.collector.followups;

import dev.collector.compliance.window.CallingWindow;
import dev.collector.followups.execution.Backoff;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Objects;

/**
 * How the follow-up engine runs.
 *
 * @param contactWindow  local hours in the debtor's zone in which SMS and e-mail may go out
 *                       (Regulation F's 08:00-21:00 covers texts and e-mails too)
 * @param retries        waits between failed deliveries
 * @param pollInterval   how often due entries are looked for
 * @param planningRetries waits between attempts to plan an outcome's follow-ups while Cassandra or
 *                       the call list fails; tried until it succeeds, however long the outage
 * @param pendingJournal where outcomes and attempts wait, on local disk, until their follow-ups are
 *                       planned; empty keeps them in memory only (a restart during an outage loses them)
 */
public record FollowUpSettings(CallingWindow contactWindow, Backoff retries, Duration pollInterval,
                               Backoff planningRetries, Optional<Path> pendingJournal) {

    public FollowUpSettings {
        Objects.requireNonNull(contactWindow, "contactWindow");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(planningRetries, "planningRetries");
        Objects.requireNonNull(pendingJournal, "pendingJournal");
    }

    /** Planning retried after 5 s, 10 s ... up to 5 min, pending plans in memory only. */
    public FollowUpSettings(CallingWindow contactWindow, Backoff retries, Duration pollInterval) {
        this(contactWindow, retries, pollInterval, PLANNING_RETRIES, Optional.empty());
    }

    public static final Backoff PLANNING_RETRIES = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

    public static FollowUpSettings defaults() {
        return new FollowUpSettings(CallingWindow.standard(), new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)),
                Duration.ofSeconds(5));
    }

    public FollowUpSettings withPendingJournal(Path file) {
        return new FollowUpSettings(contactWindow, retries, pollInterval, planningRetries, Optional.of(file));
    }

    public FollowUpSettings withPlanningRetries(Backoff planningRetries) {
        return new FollowUpSettings(contactWindow, retries, pollInterval, planningRetries, pendingJournal);
    }
}
