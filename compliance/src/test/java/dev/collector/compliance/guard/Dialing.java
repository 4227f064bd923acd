package dev.collector.compliance.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.compliance.ledger.ActiveDial;
import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.compliance.ledger.DoNotCallList;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** Cases, requests and guard checks for the guard's tests; every verdict is checked for sanity. */
public final class Dialing {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    public static final ComplianceGuard GUARD = ComplianceGuard.standard();
    public static final CampaignRules RULES = CampaignRules.strictest("CAMP-1");

    private Dialing() {
    }

    public static Case aCase(String caseId, String debtorId, ZoneId zone, List<String> claimIds, String... numbers) {
        return aCaseIn("CAMP-1", caseId, debtorId, zone, claimIds, numbers);
    }

    public static Case aCaseIn(String campaignId, String caseId, String debtorId, ZoneId zone, List<String> claimIds,
            String... numbers) {
        List<Claim> claims = claimIds.stream()
                .map(id -> new Claim(id, new BigDecimal("120.00"), "GBP", LocalDate.of(2025, 12, 1)))
                .collect(Collectors.toList());
        return new Case(caseId, campaignId, new Debtor(debtorId, "Debtor " + debtorId), claims, List.of(numbers),
                zone, 1, Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static Verdict check(Case aCase, ContactRecord record, Instant now) {
        return check(new DialRequest(aCase, now, false), record, RULES, DoNotCallList.none());
    }

    public static Verdict checkCallback(Case aCase, ContactRecord record, Instant now) {
        return check(new DialRequest(aCase, now, true), record, RULES, DoNotCallList.none());
    }

    /** The guard's verdict, after asserting what must hold of every verdict whatever the rules. */
    public static Verdict check(DialRequest request, ContactRecord record, CampaignRules rules, DoNotCallList dnc) {
        Verdict verdict = GUARD.check(request, record, rules, dnc);
        List<Refusal> refusals = verdict instanceof Verdict.Refused
                ? ((Verdict.Refused) verdict).refusals()
                : ((Verdict.Permitted) verdict).skipped();
        assertThat(refusals)
                .as("a refusal lapsing at or before now would be no reason to refuse now")
                .allSatisfy(r -> assertThat(r.lapsesAt()).isAfter(request.now()));
        assertThat(refusals).allSatisfy(r -> assertThat(r.explanation()).isNotBlank());
        if (verdict instanceof Verdict.Refused) {
            Verdict.Refused refused = (Verdict.Refused) verdict;
            assertThat(refused.retryAt()).isAfter(request.now());
        }
        return verdict;
    }

    public static Verdict.Refused refused(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Refused.class);
        return (Verdict.Refused) verdict;
    }

    public static Verdict.Permitted permitted(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Permitted.class);
        return (Verdict.Permitted) verdict;
    }

    public static List<String> rules(Verdict.Refused refused) {
        return refused.refusals().stream().map(Refusal::rule).collect(Collectors.toList());
    }

    /** A whole call, start to end, the way the dialer records it. */
    public static ContactRecord called(ContactRecord record, Case aCase, String attemptId, Instant at) {
        ActiveDial dial = new ActiveDial(attemptId, aCase.caseId(), aCase.campaignId(), "node-1", at);
        List<String> claimIds = aCase.claims().stream().map(Claim::claimId).collect(Collectors.toList());
        return record.withDialStarted(dial, claimIds).withDialEnded(attemptId);
    }
}
