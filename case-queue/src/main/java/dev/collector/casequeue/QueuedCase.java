package dev.collector.casequeue;

import java.io.Serializable;

/**
 * A case's place in its campaign queue. Only the ranking travels in the queue; the case and its
 * state live in the case map. An entry whose ticket no longer matches the case's is stale (the
 * case was re-ranked, leased or closed since) and is dropped when it comes up.
 */
record QueuedCase(String caseId, long rank, long ticket) implements Serializable {
}
