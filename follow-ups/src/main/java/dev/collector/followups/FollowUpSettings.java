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
 * @param claimExpiry    how long a node's claim on a task (or promise) lasts unless it lets it go:
 *                       the longest another node waits to take over the work of a node that died
 *                       holding it. Real time, at least 2 s (a Cassandra TTL, counted from the whole
 *                       second: a claim lasts between this less one second and this); keep it well
 *                       above twice the channels' timeouts (10 s), since a message is sent only in
 *                       the first half of a claim
 */
public record FollowUpSettings(CallingWindow contactWindow, Backoff retries, Duration pollInterval,
                               Backoff planningRetries, Optional<Path> pendingJournal, Duration claimExpiry) {

    /** Two minutes: a dead node's due tasks wait at most that long, far inside any SLA. */
    public static final Duration CLAIM_EXPIRY = Duration.ofMinutes(2);

    public FollowUpSettings {
        Objects.requireNonNull(contactWindow, "contactWindow");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(planningRetries, "planningRetries");
        Objects.requireNonNull(pendingJournal, "pendingJournal");
        Objects.requireNonNull(claimExpiry, "claimExpiry");
        if (claimExpiry.toSeconds() < 2) {
            throw new IllegalArgumentException("claimExpiry: must be at least 2 s (collector.follow-ups.claim-expiry), got "
                    + claimExpiry);
        }
    }

    public FollowUpSettings(CallingWindow contactWindow, Backoff retries, Duration pollInterval,
            Backoff planningRetries, Optional<Path> pendingJournal) {
        this(contactWindow, retries, pollInterval, planningRetries, pendingJournal, CLAIM_EXPIRY);
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
        return new FollowUpSettings(contactWindow, retries, pollInterval, planningRetries, Optional.of(file),
                claimExpiry);
    }

    public FollowUpSettings withClaimExpiry(Duration expiry) {
        return new FollowUpSettings(contactWindow, retries, pollInterval, planningRetries, pendingJournal, expiry);
    }

    public FollowUpSettings withPlanningRetries(Backoff planningRetries) {
        return new FollowUpSettings(contactWindow, retries, pollInterval, planningRetries, pendingJournal, claimExpiry);
    }
}
