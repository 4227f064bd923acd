package dev.collector.crmbridge.updates;

import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

/**
 * The debtor paid. Paid in full (or settled by the creditor), the case closes; paid in part, what is
 * due shrinks, oldest claim first, as collections usually books it, and the case is ranked anew on
 * what is left.
 *
 * @param amount   more than zero, in the case's currency
 * @param settles  the creditor considers the case settled whatever the amount
 * @param received when the CRM told us: the time of the case's newer version
 */
record Payment(Case aCase, BigDecimal amount, boolean settles, Instant received) implements CaseChange {

    static final String PAID_IN_FULL = "paid in full";

    boolean paysInFull() {
        return settles || amount.compareTo(aCase.totalDue()) >= 0;
    }

    @Override
    public CompletionStage<Void> applyTo(CallList callList, ContactRestrictions restrictions) {
        return paysInFull() ? callList.cancel(aCase.caseId(), PAID_IN_FULL) : callList.admit(afterPayment());
    }

    /** The case with the payment booked: claims paid off leave it, since nothing is collected on them. */
    Case afterPayment() {
        List<Claim> claims = aCase.claims();
        BigDecimal[] left = claims.stream().map(Claim::amountDue).toArray(BigDecimal[]::new);
        List<Integer> oldestFirst = IntStream.range(0, claims.size()).boxed()
                .sorted(Comparator.comparing(i -> claims.get(i).dueDate()))
                .toList();
        BigDecimal unbooked = amount;
        for (int i : oldestFirst) {
            BigDecimal booked = unbooked.min(left[i]);
            left[i] = left[i].subtract(booked);
            unbooked = unbooked.subtract(booked);
        }
        List<Claim> stillDue = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            if (left[i].signum() > 0) {
                stillDue.add(new Claim(claim.claimId(), left[i], claim.currency(), claim.dueDate()));
            }
        }
        return new Case(aCase.caseId(), aCase.campaignId(), aCase.debtor(), stillDue, aCase.phoneNumbers(),
                aCase.timeZone(), aCase.priority(), received, aCase.version(), aCase.language(), aCase.flags());
    }
}
