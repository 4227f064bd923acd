package dev.collector.compliance.guard;

import dev.collector.compliance.guard.policies.AbandonLockoutPolicy;
import dev.collector.compliance.guard.policies.DebtorCallingHoursPolicy;
import dev.collector.compliance.guard.policies.DebtorHoldPolicy;
import dev.collector.compliance.guard.policies.DisputePolicy;
import dev.collector.compliance.guard.policies.NumberCallingHoursPolicy;
import dev.collector.compliance.guard.policies.NumberHoldPolicy;
import dev.collector.compliance.guard.policies.OneDialAtATimePolicy;
import dev.collector.compliance.guard.policies.QuietAfterConversationPolicy;
import dev.collector.compliance.guard.policies.SevenInSevenPolicy;
import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.compliance.ledger.DoNotCallList;
import dev.collector.compliance.rules.CampaignRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        return new ComplianceGuard(
                List.of(
                        new DebtorHoldPolicy(),
                        new DisputePolicy(),
                        new OneDialAtATimePolicy(),
                        new SevenInSevenPolicy(),
                        new QuietAfterConversationPolicy(),
                        new DebtorCallingHoursPolicy()),
                List.of(
                        new NumberHoldPolicy(),
                        new AbandonLockoutPolicy(),
                        new NumberCallingHoursPolicy()));
    }

    public Verdict check(DialRequest request, ContactRecord record, CampaignRules rules, DoNotCallList doNotCall) {
        DialContext context = new DialContext(request, record, rules, doNotCall);
        Instant now = request.now();

        // Every reason is collected, not just the first: the audit trail and the supervisor see
        // all of them, and the retry time must wait for the last to lapse.
        List<Refusal> caseRefusals = new ArrayList<>();
        for (CasePolicy policy : casePolicies) {
            policy.check(context).ifPresent(caseRefusals::add);
        }

        // Numbers are tried even when the case is refused: if none could be dialed either, their
        // reasons belong in the verdict and the retry must wait for the first of them to come free.
        List<Refusal> numberRefusals = new ArrayList<>();
        boolean someNumberFree = false;
        Instant firstNumberFree = Instant.MAX;
        for (String number : request.aCase().phoneNumbers()) {
            List<Refusal> onNumber = new ArrayList<>();
            for (NumberPolicy policy : numberPolicies) {
                policy.check(context, number).ifPresent(onNumber::add);
            }
            if (onNumber.isEmpty()) {
                if (caseRefusals.isEmpty()) {
                    return new Verdict.Permitted(number, numberRefusals);
                }
                someNumberFree = true;
                break;
            }
            numberRefusals.addAll(onNumber);
            Instant free = latestLapse(onNumber, now);
            if (free.isBefore(firstNumberFree)) {
                firstNumberFree = free;
            }
        }

        List<Refusal> reasons = new ArrayList<>(caseRefusals);
        Instant retryAt = latestLapse(caseRefusals, now);
        if (!someNumberFree) {
            reasons.addAll(numberRefusals);
            if (firstNumberFree.isAfter(retryAt)) {
                retryAt = firstNumberFree;
            }
        }
        return new Verdict.Refused(reasons, retryAt);
    }

    /** When every one of these reasons has lapsed; never before now, even if a policy were wrong. */
    private static Instant latestLapse(List<Refusal> refusals, Instant now) {
        Optional<Instant> latest = refusals.stream().map(Refusal::lapsesAt).max(Instant::compareTo);
        return latest.filter(at -> at.isAfter(now)).orElse(now);
    }
}
