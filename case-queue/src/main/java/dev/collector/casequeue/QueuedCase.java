package dev.collector.casequeue;

import java.io.Serializable;

/**
 * A case's place in its campaign queue. Only the ranking travels in the queue; the case itself
 * lives in the case map, so an update to a waiting case does not need to touch the queue.
 *
 * @param admission order of admission, breaking ties between equal priorities first come first served
 */
record QueuedCase(String caseId, int priority, long admission) implements Serializable {
}
