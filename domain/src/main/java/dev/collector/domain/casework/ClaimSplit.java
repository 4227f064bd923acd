package dev.collector.domain.casework;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a claim's amount due is made of, as the CRM itemizes it: the agent explains the debt by it
 * (principal first, then what accrued), and a debtor who disputes the fees is told their amount.
 * The parts add up to the claim's amount due.
 */
public record ClaimSplit(BigDecimal principal, BigDecimal interest, BigDecimal fees) implements Serializable {

    public ClaimSplit {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(interest, "interest");
        Objects.requireNonNull(fees, "fees");
        if (principal.signum() < 0 || interest.signum() < 0 || fees.signum() < 0) {
            throw new IllegalArgumentException("principal, interest and fees must not be negative");
        }
    }

    public BigDecimal total() {
        return principal.add(interest).add(fees);
    }
}
