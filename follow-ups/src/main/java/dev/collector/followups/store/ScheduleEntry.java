package dev.collector.followups.store;

import java.time.Instant;

/** A durable scheduled entry: run the task, or check its deadline, at {@code dueAt}. */
public record ScheduleEntry(Instant bucket, Instant dueAt, String taskId, Purpose purpose) {

    public enum Purpose { RUN, DEADLINE }
}
