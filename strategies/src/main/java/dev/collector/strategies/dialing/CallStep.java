package dev.collector.strategies.dialing;

import dev.collector.domain.campaign.DialMode;
import java.util.Objects;

/**
 * What the stage in force asks of the dialer: a call, in this mode, at this queue priority.
 *
 * @param priority 0-100, higher first: the action's rank in its campaign's queue
 * @param mode     how the action would have the call dialed. The dialer dials a campaign in one mode
 *                 (its pacing counts the campaign's lines and agents), so the mode is shown and
 *                 reported, not honoured per case: see {@link QueuePriority}
 */
public record CallStep(DialMode mode, int priority) {

    public CallStep {
        Objects.requireNonNull(mode, "mode");
        if (priority < 0 || priority > QueuePriority.MAX_CALL_PRIORITY) {
            throw new IllegalArgumentException("priority: must be from 0 to " + QueuePriority.MAX_CALL_PRIORITY
                    + ", got " + priority);
        }
    }
}
