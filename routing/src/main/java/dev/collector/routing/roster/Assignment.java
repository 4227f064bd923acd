package dev.collector.routing.roster;

/** The call an agent has been given: which attempt, for which case. */
public record Assignment(String attemptId, String caseId) {
}
