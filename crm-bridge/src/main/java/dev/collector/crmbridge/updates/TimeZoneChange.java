package dev.collector.crmbridge.updates;

import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletionStage;

/**
 * The debtor lives in another zone now: calling hours follow it from the dialer's next decision
 * about the case.
 *
 * @param received when the CRM told us: the time of the case's newer version
 */
record TimeZoneChange(Case aCase, ZoneId zone, Instant received) implements CaseChange {

    @Override
    public CompletionStage<Void> applyTo(CallList callList, ContactRestrictions restrictions) {
        return callList.admit(new Case(aCase.caseId(), aCase.campaignId(), aCase.debtor(), aCase.claims(),
                aCase.phoneNumbers(), zone, aCase.priority(), received, aCase.version(), aCase.language(), aCase.flags()));
    }
}
