package dev.collector.domain.casework;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The unit of collection work: one debtor in one campaign, with all of the debtor's claims and the
 * numbers the dialer may call. Cases are immutable; a CRM update produces a new version.
 *
 * @param priority higher is dialed first (the CRM's own ranking of the case)
 * @param phoneNumbers E.164 numbers in the order the CRM wants them tried
 * @param version the CRM's version of the case (0 when it keeps none): an older version never
 *                replaces a newer one, so a late retry cannot undo a change
 * @param language the language to speak with the debtor, an ISO 639-1 code ({@code cs}, {@code pl});
 *                 empty when the CRM does not say: routing then asks no language of the agent
 * @param flags what routing and agents must know about the debtor, upper-case codes such as
 *              {@link #VIP}, {@link #COMPLICATED}, {@link #SPECIAL_RELATIONSHIP}; empty when none
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
        long version,
        String language,
        Set<String> flags) implements Serializable {

    /** A debtor the creditor wants handled by its best people. */
    public static final String VIP = "VIP";
    /** A case a junior collector should not take (legal history, several products, hardship). */
    public static final String COMPLICATED = "COMPLICATED";
    /** An employee, a relative of one, a public figure: handled with care and by few. */
    public static final String SPECIAL_RELATIONSHIP = "SPECIAL_RELATIONSHIP";

    /** A case without language or flags, as CRMs sent them before routing asked for either. */
    public Case(String caseId, String campaignId, Debtor debtor, List<Claim> claims, List<String> phoneNumbers,
            ZoneId timeZone, int priority, Instant receivedAt, long version) {
        this(caseId, campaignId, debtor, claims, phoneNumbers, timeZone, priority, receivedAt, version, "", Set.of());
    }

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
        // null, not empty, is what Java serialization gives for fields a stored case did not have yet
        language = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        // most cases carry no flag: no stream for them (every case of a bulk load comes through here)
        flags = flags == null || flags.isEmpty() ? Set.of()
                : flags.stream().map(f -> f.strip().toUpperCase(Locale.ROOT)).filter(f -> !f.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** The same case with the language and flags routing reads. */
    public Case withRouting(String language, Set<String> flags) {
        return new Case(caseId, campaignId, debtor, claims, phoneNumbers, timeZone, priority, receivedAt, version,
                language, flags);
    }

    public boolean flagged(String flag) {
        return flags.contains(flag);
    }

    /** Claims already past due on the given day: several of them make a case complicated. */
    public long claimsPastDue(LocalDate today) {
        return claims.stream().filter(c -> c.daysPastDue(today) > 0).count();
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
        // A loop, not a stream: every case of a bulk load is ranked by it.
        BigDecimal total = BigDecimal.ZERO;
        for (Claim claim : claims) {
            total = total.add(claim.amountDue());
        }
        return total;
    }

    public String currency() {
        return claims.isEmpty() ? "" : claims.get(0).currency();
    }

    /** The oldest claim drives the case's DPD: that is the bucket collectors and regulators look at. */
    public long daysPastDue(LocalDate today) {
        long oldest = 0;
        for (Claim claim : claims) {
            oldest = Math.max(oldest, claim.daysPastDue(today));
        }
        return oldest;
    }

    public String primaryPhone() {
        return phoneNumbers.get(0);
    }
}
