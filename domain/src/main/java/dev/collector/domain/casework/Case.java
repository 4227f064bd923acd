package dev.collector.domain.casework;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The unit of collection work: one debtor in one campaign, with all of the debtor's claims and the
 * numbers the dialer may call. Cases are immutable; a CRM update produces a new version.
 *
 * @param priority higher is dialed first (the CRM's own ranking of the case)
 * @param phoneNumbers E.164 numbers in the order the CRM wants them tried
 * @param version the CRM's version of the case (0 when it keeps none): an older version never
 *                replaces a newer one, so a late retry cannot undo a change
 */
public record Case(
        String caseId,
        String campaignId,
        Debtor debtor,
        List<Claim> claims,
        List<String> phoneNumbers,
        ZoneId timeZone,
        int priority,
        Instant receivedAt,
        long version) implements Serializable {

    /** An unversioned case: each submission replaces the one before. */
    public Case(String caseId, String campaignId, Debtor debtor, List<Claim> claims, List<String> phoneNumbers,
            ZoneId timeZone, int priority, Instant receivedAt) {
        this(caseId, campaignId, debtor, claims, phoneNumbers, timeZone, priority, receivedAt, 0);
    }

    public Case {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(debtor, "debtor");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(receivedAt, "receivedAt");
        claims = List.copyOf(claims);
        phoneNumbers = List.copyOf(phoneNumbers);
        if (phoneNumbers.isEmpty()) {
            throw new IllegalArgumentException("a case needs at least one phone number");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative, got " + version);
        }
    }

    /**
     * Whether this submission may replace {@code held}: always when either is unversioned, else
     * when it is not older (the same version again is a resend and changes nothing that matters).
     */
    public boolean mayReplace(Case held) {
        return version == 0 || held.version == 0 || version >= held.version;
    }

    /** Everything the debtor owes on this case; claims of one case share one currency. */
    public BigDecimal totalDue() {
        return claims.stream().map(Claim::amountDue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String currency() {
        return claims.isEmpty() ? "" : claims.get(0).currency();
    }

    /** The oldest claim drives the case's DPD: that is the bucket collectors and regulators look at. */
    public long daysPastDue(LocalDate today) {
        return claims.stream().mapToLong(c -> c.daysPastDue(today)).max().orElse(0);
    }

    public String primaryPhone() {
        return phoneNumbers.get(0);
    }
}
