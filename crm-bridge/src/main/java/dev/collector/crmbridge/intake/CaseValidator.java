package dev.collector.crmbridge.intake;

import static dev.collector.crmbridge.intake.FieldChecks.amountDue;
import static dev.collector.crmbridge.intake.FieldChecks.currency;
import static dev.collector.crmbridge.intake.FieldChecks.date;
import static dev.collector.crmbridge.intake.FieldChecks.required;

import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import dev.collector.compliance.phone.PhoneCountry;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a case as the CRM sent it and turns it into the domain's {@link
 * dev.collector.domain.casework.Case}. It reports every problem of the case at once, each against
 * the path of its field, so that the CRM can fix a batch in one round trip.
 */
public final class CaseValidator {

    private final Clock clock;

    public CaseValidator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param path the case's own path in the request, e.g. {@code cases[3]}; violations extend it
     */
    public Validation validate(dev.collector.protos.v1.Case wire, String path) {
        List<Violation> violations = new ArrayList<>();
        required(wire.getCaseId(), path + ".case_id", "the CRM's id of the case", violations);
        required(wire.getCampaignId(), path + ".campaign_id", "the campaign whose call list the case joins",
                violations);
        required(wire.getDebtor().getDebtorId(), path + ".debtor.debtor_id", "the CRM's id of the debtor",
                violations);
        required(wire.getDebtor().getName(), path + ".debtor.name", "the name agents address the debtor by",
                violations);
        checkPhoneNumbers(wire.getPhoneNumbersList(), path + ".phone_numbers", violations);
        Optional<ZoneId> zone = timeZone(wire.getTimeZone(), wire.getPhoneNumbersList(), path + ".time_zone", violations);
        List<Claim> claims = claims(wire.getClaimsList(), path + ".claims", violations);
        if (wire.getVersion() < 0) {
            violations.add(new Violation(path + ".version", "must not be negative (0 means unversioned), got "
                    + wire.getVersion()));
        }
        checkSizes(wire, path, violations);
        checkLanguage(wire.getLanguage(), path + ".language", violations);
        checkFlags(wire.getFlagsList(), path + ".flags", violations);
        DebtorEmail.check(wire.getDebtor().getEmail(), path + ".debtor.email", violations);

        if (!violations.isEmpty()) {
            return new Validation.Invalid(violations);
        }
        return new Validation.Valid(new dev.collector.domain.casework.Case(
                wire.getCaseId(),
                wire.getCampaignId(),
                new Debtor(wire.getDebtor().getDebtorId(), wire.getDebtor().getName(), wire.getDebtor().getEmail()),
                claims,
                wire.getPhoneNumbersList(),
                zone.orElseThrow(),
                wire.getPriority(),
                clock.instant(),
                wire.getVersion(),
                wire.getLanguage(),
                Set.copyOf(wire.getFlagsList())));
    }

    /** Ids and names a person would still read; number and claim counts no real case reaches. */
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_PHONE_NUMBERS = 10;
    static final int MAX_CLAIMS = 200;

    private static void checkSizes(dev.collector.protos.v1.Case wire, String path, List<Violation> violations) {
        atMost(wire.getCaseId().length(), MAX_ID_LENGTH, path + ".case_id", "characters", violations);
        atMost(wire.getCampaignId().length(), MAX_ID_LENGTH, path + ".campaign_id", "characters", violations);
        atMost(wire.getDebtor().getDebtorId().length(), MAX_ID_LENGTH, path + ".debtor.debtor_id", "characters",
                violations);
        atMost(wire.getDebtor().getName().length(), MAX_NAME_LENGTH, path + ".debtor.name", "characters", violations);
        atMost(wire.getPhoneNumbersCount(), MAX_PHONE_NUMBERS, path + ".phone_numbers", "numbers", violations);
        atMost(wire.getClaimsCount(), MAX_CLAIMS, path + ".claims", "claims", violations);
    }

    static final int MAX_FLAGS = 20;
    static final int MAX_FLAG_LENGTH = 64;
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    /** Routing matches it against the languages agents speak: a code nobody could list is a typo. */
    private static void checkLanguage(String language, String field, List<Violation> violations) {
        if (!language.isEmpty() && !ISO_639_1.contains(language.strip().toLowerCase(Locale.ROOT))) {
            violations.add(new Violation(field, "\"" + language + "\" is not an ISO 639-1 language code"
                    + " (two letters, such as cs, pl or en); leave it empty when unknown"));
        }
    }

    private static void checkFlags(List<String> flags, String field, List<Violation> violations) {
        atMost(flags.size(), MAX_FLAGS, field, "flags", violations);
        for (int i = 0; i < flags.size() && i < MAX_FLAGS; i++) {
            String flag = flags.get(i).strip();
            if (flag.isEmpty() || flag.length() > MAX_FLAG_LENGTH || !flag.chars().allMatch(
                    c -> Character.isLetterOrDigit(c) || c == '_')) {
                violations.add(new Violation(field + "[" + i + "]", "\"" + flags.get(i) + "\" is not a flag: 1 to "
                        + MAX_FLAG_LENGTH + " letters, digits or underscores, such as VIP or COMPLICATED"));
            }
        }
    }

    private static void atMost(int size, int limit, String field, String unit, List<Violation> violations) {
        if (size > limit) {
            violations.add(new Violation(field, size + " " + unit + "; at most " + limit + " are taken"));
        }
    }

    private static void checkPhoneNumbers(List<String> numbers, String field, List<Violation> violations) {
        if (numbers.isEmpty()) {
            violations.add(new Violation(field, "no phone number: a case needs at least one number to call"));
        }
        for (int i = 0; i < numbers.size(); i++) {
            FieldChecks.phoneNumber(numbers.get(i), field + "[" + i + "]", violations);
        }
    }

    private static Optional<ZoneId> timeZone(String zone, List<String> numbers, String field, List<Violation> violations) {
        if (zone.isEmpty()) {
            // Calling hours follow the debtor's local time: without a zone, the first number's
            // country tells it when that country keeps a single zone; otherwise nobody knows when
            // the debtor may be called, and the case is not taken.
            Optional<ZoneId> fromNumber = numbers.isEmpty() ? Optional.empty() : PhoneCountry.singleZoneOf(numbers.get(0));
            if (fromNumber.isEmpty()) {
                violations.add(new Violation(field, "missing, and "
                        + (numbers.isEmpty() ? "there is no number" : "the country of " + numbers.get(0) + " has several time zones or is unknown")
                        + " to take it from: calling hours follow the debtor's local time, so send the debtor's IANA"
                        + " time zone (such as America/New_York)"));
            }
            return fromNumber;
        }
        return FieldChecks.ianaZone(zone, field, violations);
    }

    private static List<Claim> claims(List<dev.collector.protos.v1.Claim> wire, String path,
            List<Violation> violations) {
        if (wire.isEmpty()) {
            // a case is the debt a debtor owes: without a claim there is nothing to collect or to rank
            violations.add(new Violation(path, "no claim: a case needs at least one claim (the debt to collect)"));
        }
        List<Claim> claims = new ArrayList<>();
        Map<String, Integer> claimIds = new HashMap<>();
        Optional<Currency> caseCurrency = Optional.empty();
        int caseCurrencyClaim = -1;
        for (int i = 0; i < wire.size(); i++) {
            dev.collector.protos.v1.Claim claim = wire.get(i);
            String claimPath = path + "[" + i + "]";
            int before = violations.size();

            required(claim.getClaimId(), claimPath + ".claim_id", "the CRM's id of the claim", violations);
            Integer sameId = claimIds.putIfAbsent(claim.getClaimId(), i);
            if (sameId != null && !claim.getClaimId().isBlank()) {
                violations.add(new Violation(claimPath + ".claim_id", "\"" + claim.getClaimId()
                        + "\" is also the id of claims[" + sameId + "]; claim ids must be unique within a case"));
            }

            Optional<Currency> currency = Optional.empty();
            Optional<BigDecimal> amount = Optional.empty();
            if (!claim.hasAmountDue()) {
                violations.add(new Violation(claimPath + ".amount_due", "missing: the amount due is required"));
            } else {
                currency = currency(claim.getAmountDue().getCurrencyCode(),
                        claimPath + ".amount_due.currency_code", violations);
                amount = amountDue(claim.getAmountDue(), currency, claimPath + ".amount_due", violations);
            }
            if (currency.isPresent()) {
                if (caseCurrency.isEmpty()) {
                    caseCurrency = currency;
                    caseCurrencyClaim = i;
                } else if (!caseCurrency.equals(currency)) {
                    violations.add(new Violation(claimPath + ".amount_due.currency_code", currency.get()
                            + " differs from " + caseCurrency.get() + " of claims[" + caseCurrencyClaim
                            + "]: all claims of a case must be in one currency"));
                }
            }
            Optional<LocalDate> dueDate = date(claim.getDueDate(), claimPath + ".due_date",
                    "the day the claim fell due", violations);

            Optional<dev.collector.domain.casework.ClaimSplit> split = amount.isPresent()
                    ? ClaimSplitCheck.split(claim, amount.get(), currency, claimPath, violations) : Optional.empty();

            if (violations.size() == before) {
                claims.add(new Claim(claim.getClaimId(), amount.orElseThrow(), currency.orElseThrow().getCurrencyCode(),
                        dueDate.orElseThrow(), split.orElse(null)));
            }
        }
        return claims;
    }
}
