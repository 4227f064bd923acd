package dev.collector.compliance.guard;

import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.compliance.ledger.DoNotCallList;
import dev.collector.compliance.rules.CampaignRules;
import java.util.List;

/**
 * Consulted before every dial. Case policies must all pass; then the case's numbers are tried in
 * the CRM's order and the first that every number policy passes is dialed. A pure function of its
 * inputs: the caller loads the debtor's record and applies the verdict atomically.
 */
public final class ComplianceGuard {

    private final List<CasePolicy> casePolicies;
    private final List<NumberPolicy> numberPolicies;

    public ComplianceGuard(List<CasePolicy> casePolicies, List<NumberPolicy> numberPolicies) {
        this.casePolicies = List.copyOf(casePolicies);
        this.numberPolicies = List.copyOf(numberPolicies);
    }

    /** Every rule Collector knows, in the order refusals are reported. */
    public static ComplianceGuard standard() {
        throw new UnsupportedOperationException("TODO");
    }

    public Verdict check(DialRequest request, ContactRecord record, CampaignRules rules, DoNotCallList doNotCall) {
        throw new UnsupportedOperationException("TODO");
    }
}
