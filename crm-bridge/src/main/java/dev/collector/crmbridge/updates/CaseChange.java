package dev.collector.crmbridge.updates;

import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.domain.casework.CallList;
import java.util.concurrent.CompletionStage;

/**
 * One update from the CRM, already checked against the case it is about: what it changes in the
 * call list (the case, its place in the queue) or in the debtor's contact restrictions (holds).
 * Applying one again changes nothing more, so an update cut short may be retried.
 */
interface CaseChange {

    CompletionStage<Void> applyTo(CallList callList, ContactRestrictions restrictions);
}
