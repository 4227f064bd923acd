package dev.collector.crmbridge.intake;

import com.google.type.Date;
import com.google.type.Money;
import dev.collector.protos.v1.Case;
import dev.collector.protos.v1.Claim;
import dev.collector.protos.v1.Debtor;

/** Cases as a CRM would send them: valid unless a test spoils them. */
final class WireCases {

    private WireCases() {
    }

    static Case.Builder validCase(String caseId, String campaignId) {
        return Case.newBuilder()
                .setCaseId(caseId)
                .setCampaignId(campaignId)
                .setDebtor(Debtor.newBuilder().setDebtorId("d-" + caseId).setName("Jana Nováková"))
                .addClaims(claim("cl-" + caseId + "-1", money("EUR", 120, 500_000_000), date(2026, 9, 1)))
                .addPhoneNumbers("+420601123456")
                .setTimeZone("Europe/Prague")
                .setPriority(5);
    }

    static Claim claim(String claimId, Money amountDue, Date dueDate) {
        return Claim.newBuilder().setClaimId(claimId).setAmountDue(amountDue).setDueDate(dueDate).build();
    }

    static Money money(String currency, long units, int nanos) {
        return Money.newBuilder().setCurrencyCode(currency).setUnits(units).setNanos(nanos).build();
    }

    static Date date(int year, int month, int day) {
        return Date.newBuilder().setYear(year).setMonth(month).setDay(day).build();
    }
}
