package dev.collector.casequeue;

import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.compliance.window.CallingWindow;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.DialLease;
import dev.collector.domain.casework.Debtor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test cases and calls, small and explicit. */
final class Cases {

    static final Instant T0 = Instant.parse("2026-03-04T12:00:00Z"); // a Wednesday, 13:00 in Prague

    private Cases() {
    }

    static Case aCase(String caseId, String campaignId, int priority) {
        return aCase(caseId, campaignId, "debtor-" + caseId, priority, "Europe/Prague", List.of("+420601000001"),
                List.of(new Claim("claim-" + caseId, new BigDecimal("100.00"), "CZK", LocalDate.of(2026, 1, 1))));
    }

    static Case aCase(String caseId, String campaignId, String debtorId, int priority, String zone, List<String> phones,
                      List<Claim> claims) {
        return new Case(caseId, campaignId, new Debtor(debtorId, "Jana Novakova"), claims, phones, ZoneId.of(zone),
                priority, T0);
    }

    /** Rules with the calling window open around the clock, the other limits as the law has them. */
    static CampaignRules openAllDay(String campaignId) {
        return new CampaignRules(campaignId,
                ContactRules.strictest().withWindow(CallingWindow.everyDay(LocalTime.MIN, LocalTime.MAX)), Map.of());
    }

    static CallAttempt ended(DialLease lease, CallResult result, Instant at) {
        boolean answered = result == CallResult.ANSWERED || result == CallResult.ABANDONED;
        return new CallAttempt(lease.attemptId(), lease.caseId(), lease.aCase().campaignId(), lease.phoneNumber(),
                result == CallResult.ANSWERED ? Optional.of("agent-1") : Optional.empty(), lease.leasedAt(),
                answered ? Optional.of(lease.leasedAt().plusSeconds(10)) : Optional.empty(), at, result,
                result == CallResult.BUSY ? 17 : result == CallResult.NO_ANSWER ? 19 : 16);
    }
}
