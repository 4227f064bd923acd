package dev.collector.compliance.guard;

import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.compliance.ledger.DoNotCallList;
import dev.collector.compliance.phone.PhoneCountry;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.domain.casework.Case;
import java.time.Instant;

/** What every policy looks at: the request, the debtor's contact record and the campaign's rules. */
public record DialContext(DialRequest request, ContactRecord record, CampaignRules campaignRules, DoNotCallList doNotCall) {

    public Case aCase() {
        return request.aCase();
    }

    public Instant now() {
        return request.now();
    }

    /** Rules for case-wide limits: those of the country of the case's first number. */
    public ContactRules caseRules() {
        return campaignRules.forCountry(PhoneCountry.countryOf(aCase().primaryPhone()));
    }

    /** Rules for one number: those of the country it rings in. */
    public ContactRules rulesFor(String phoneNumber) {
        return campaignRules.forCountry(PhoneCountry.countryOf(phoneNumber));
    }
}
