package dev.collector.domain.outcome;

import dev.collector.domain.call.CallAttempt;

/**
 * What goes back to the CRM that owns the case: every finished attempt and every recorded outcome,
 * in order, for CRM clients to stream. Implemented in crm-bridge.
 */
public interface CrmFeed {

    void attemptEnded(CallAttempt attempt);

    void outcomeRecorded(Outcome outcome);
}
