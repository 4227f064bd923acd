package dev.collector.domain.casework;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One receivable owed by the debtor: what is due, in which currency, since when. */
public record Claim(String claimId, BigDecimal amountDue, String currency, LocalDate dueDate) implements Serializable {
    public Claim {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(amountDue, "amountDue");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(dueDate, "dueDate");
        if (amountDue.signum() < 0) {
            throw new IllegalArgumentException("amountDue must not be negative");
        }
    }

    /** Days past due (DPD) on the given day; zero while the claim is not yet due. */
    public long daysPastDue(LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
    }
}
