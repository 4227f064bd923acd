package dev.collector.crmbridge.updates;

import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.ClaimSplit;
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
 * what is left. An itemized claim keeps its principal, interest and fees, lowered in the order
 * {@link #afterPaying} states.
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
                BigDecimal paidOnClaim = claim.amountDue().subtract(left[i]);
                stillDue.add(new Claim(claim.claimId(), left[i], claim.currency(), claim.dueDate(),
                        claim.split().map(split -> afterPaying(split, paidOnClaim)).orElse(null)));
            }
        }
        return new Case(aCase.caseId(), aCase.campaignId(), aCase.debtor(), stillDue, aCase.phoneNumbers(),
                aCase.timeZone(), aCase.priority(), received, aCase.version(), aCase.language(), aCase.flags());
    }

    /**
     * What is left of an itemized claim once {@code paid} (at most its total) is booked on it. The
     * order is the one creditors' terms and collection agencies commonly use: fees first, then
     * interest, then principal, so that what keeps accruing interest (the principal) is reduced
     * last. The CRM has no field to ask for another order; a creditor who books otherwise sends the
     * case again with its own split (a newer version), which replaces ours. Whatever the order, the
     * parts still add up to the amount left due, so the agent's screen stays right.
     */
    static ClaimSplit afterPaying(ClaimSplit split, BigDecimal paid) {
        BigDecimal towardsFees = paid.min(split.fees());
        BigDecimal rest = paid.subtract(towardsFees);
        BigDecimal towardsInterest = rest.min(split.interest());
        rest = rest.subtract(towardsInterest);
        BigDecimal towardsPrincipal = rest.min(split.principal());
        return new ClaimSplit(split.principal().subtract(towardsPrincipal), split.interest().subtract(towardsInterest),
                split.fees().subtract(towardsFees));
    }
}
