package dev.collector.domain.casework;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One receivable owed by the debtor: what is due, in which currency, since when.
 *
 * @param itemized principal, interest and fees when the CRM split the amount due; null when it did
 *                 not (and in claims stored before the split existed): read it through {@link #split()}
 */
public record Claim(String claimId, BigDecimal amountDue, String currency, LocalDate dueDate, ClaimSplit itemized)
        implements Serializable {
    public Claim {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(amountDue, "amountDue");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(dueDate, "dueDate");
        if (amountDue.signum() < 0) {
            throw new IllegalArgumentException("amountDue must not be negative");
        }
        if (itemized != null && itemized.total().compareTo(amountDue) != 0) {
            throw new IllegalArgumentException("principal, interest and fees add up to "
                    + itemized.total().toPlainString() + ", not to the " + amountDue.toPlainString() + " due");
        }
    }

    /** A claim whose amount due the CRM did not itemize. */
    public Claim(String claimId, BigDecimal amountDue, String currency, LocalDate dueDate) {
        this(claimId, amountDue, currency, dueDate, null);
    }

    /** Principal, interest and fees, if the CRM gave them. */
    public Optional<ClaimSplit> split() {
        return Optional.ofNullable(itemized);
    }

    /** Days past due (DPD) on the given day; zero while the claim is not yet due. */
    public long daysPastDue(LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
    }
}
