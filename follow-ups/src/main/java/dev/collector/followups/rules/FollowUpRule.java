package dev.collector.followups.rules;

import dev.collector.followups.task.TaskKind;
import java.time.Duration;
import java.util.Objects;

/**
 * One rule of a strategy: when it fires, what task it makes, when that is due and by when it must be
 * done.
 *
 * @param queue      the work queue for letters and calls ({@code {agent}} stands for the agent who
 *                   recorded the outcome); for messages, the queue they go to if they must be done by hand
 * @param sla        from the due time to the deadline
 * @param escalateTo the queue a task that missed its deadline moves to
 */
public record FollowUpRule(String name, Trigger trigger, TaskKind kind, String template, Timing timing, Duration sla,
        String queue, String escalateTo) {

    public FollowUpRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(escalateTo, "escalateTo");
    }

    /** The queue with the agent filled in. */
    public String queueFor(String agentId) {
        return queue.replace("{agent}", agentId);
    }

    public String escalateToFor(String agentId) {
        return escalateTo.replace("{agent}", agentId);
    }
}
