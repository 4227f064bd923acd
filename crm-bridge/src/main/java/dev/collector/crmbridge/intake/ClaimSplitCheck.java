package dev.collector.crmbridge.intake;

import com.google.type.Money;
import dev.collector.domain.casework.ClaimSplit;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A claim's optional principal, interest and fees: each not negative, in the amount due's currency
 * and scale; those given must add up to the amount due (one not given counts as zero), so the agent
 * never reads a split that explains a different sum than the one the debtor owes.
 */
final class ClaimSplitCheck {

    private ClaimSplitCheck() {
    }

    /** Empty when none of the three is given, or when one is wrong (each wrong one adds a violation). */
    static Optional<ClaimSplit> split(dev.collector.protos.v1.Claim claim, BigDecimal amountDue,
            Optional<Currency> currency, String claimPath, List<Violation> violations) {
        if (!claim.hasPrincipal() && !claim.hasInterest() && !claim.hasFees()) {
            return Optional.empty();
        }
        int before = violations.size();
        BigDecimal principal = part(claim.hasPrincipal(), claim.getPrincipal(), currency, claimPath + ".principal",
                violations);
        BigDecimal interest = part(claim.hasInterest(), claim.getInterest(), currency, claimPath + ".interest",
                violations);
        BigDecimal fees = part(claim.hasFees(), claim.getFees(), currency, claimPath + ".fees", violations);
        if (violations.size() > before) {
            return Optional.empty();
        }
        BigDecimal sum = principal.add(interest).add(fees);
        if (sum.compareTo(amountDue) != 0) {
            violations.add(new Violation(claimPath + ".principal", "principal " + principal.toPlainString()
                    + " + interest " + interest.toPlainString() + " + fees " + fees.toPlainString() + " = "
                    + sum.toPlainString() + ", but amount_due is " + amountDue.toPlainString()
                    + ": the parts must add up to it"));
            return Optional.empty();
        }
        return Optional.of(new ClaimSplit(principal, interest, fees));
    }

    private static BigDecimal part(boolean given, Money money, Optional<Currency> currency, String field,
            List<Violation> violations) {
        BigDecimal zero = BigDecimal.ZERO.setScale(currency.map(Currency::getDefaultFractionDigits).orElse(0));
        if (!given) {
            return zero;
        }
        if (currency.isPresent() && !money.getCurrencyCode().equals(currency.get().getCurrencyCode())) {
            violations.add(new Violation(field + ".currency_code", "'" + money.getCurrencyCode()
                    + "' differs from the amount due's " + currency.get() + "; the split is in the claim's currency"));
            return zero;
        }
        return FieldChecks.amountDue(money, currency, field, violations).orElse(zero);
    }
}
