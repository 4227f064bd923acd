package dev.collector.routing.skills;

/** Seniority on the collection floor: seniors take the harder queues, juniors the routine ones. */
public enum CollectorRole {
    JUNIOR,
    SENIOR
}
