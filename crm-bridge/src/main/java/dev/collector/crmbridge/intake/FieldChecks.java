package dev.collector.crmbridge.intake;

import com.google.type.Date;
import com.google.type.Money;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks of single wire fields shared by case intake and case updates, so that a number, a zone
 * or an amount is judged, and explained, the same way wherever a CRM sends it. Each check adds a
 * {@link Violation} against the given field path and returns the value it read, if any.
 */
public final class FieldChecks {

    private static final Set<String> IANA_ZONES = ZoneId.getAvailableZoneIds();
    /**
     * Zones already read: {@link ZoneId#of} parses and looks up the rules every time, a cost paid
     * per case in a bulk load where a few zones recur. Holds only valid region ids, a few hundred.
     */
    private static final Map<String, ZoneId> KNOWN_ZONES = new ConcurrentHashMap<>();
    private static final int NANOS_PER_UNIT = 1_000_000_000;

    private FieldChecks() {
    }

    /** @return whether the value is there */
    public static boolean required(String value, String field, String meaning, List<Violation> violations) {
        if (value.isBlank()) {
            violations.add(new Violation(field, "missing: " + meaning + " is required"));
            return false;
        }
        return true;
    }

    /** @return whether the number is in E.164 form */
    public static boolean phoneNumber(String number, String field, List<Violation> violations) {
        if (!isE164(number)) {
            violations.add(new Violation(field, "\"" + number + "\" is not an E.164 number:"
                    + " expected \"+\", the country code and the number, 8 to 15 digits in all, no spaces"
                    + " (e.g. +420601123456)"));
            return false;
        }
        return true;
    }

    /** "+", a country code (never starting with 0), 8 to 15 digits in all: what a dial string needs. */
    static boolean isE164(String number) {
        int digits = number.length() - 1;
        if (digits < 8 || digits > 15 || number.charAt(0) != '+' || number.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A region id such as Europe/Prague; never a fixed offset such as +01:00, which knows no DST. */
    public static Optional<ZoneId> ianaZone(String zone, String field, List<Violation> violations) {
        ZoneId known = KNOWN_ZONES.get(zone);
        if (known != null) {
            return Optional.of(known);
        }
        if (!IANA_ZONES.contains(zone)) {
            violations.add(new Violation(field, "\"" + zone + "\" is not an IANA time zone;"
                    + " use a region name such as Europe/Prague or America/New_York"));
            return Optional.empty();
        }
        return Optional.of(KNOWN_ZONES.computeIfAbsent(zone, ZoneId::of));
    }

    public static Optional<Currency> currency(String code, String field, List<Violation> violations) {
        if (code.isEmpty()) {
            violations.add(new Violation(field, "missing: the ISO 4217 currency code (such as EUR) is required"));
            return Optional.empty();
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "\"" + code + "\" is not an ISO 4217 currency code"
                    + " (such as EUR, CZK or PLN)"));
            return Optional.empty();
        }
        if (currency.getDefaultFractionDigits() < 0) {
            violations.add(new Violation(field, code + " has no minor unit (a fund, metal or test code);"
                    + " claims are owed in a national currency"));
            return Optional.empty();
        }
        return Optional.of(currency);
    }

    /**
     * An amount due: zero or more, scaled to the currency's minor unit (120.5 EUR becomes 120.50).
     * Empty without a currency, whose minor unit it cannot be checked against.
     */
    public static Optional<BigDecimal> amountDue(Money money, Optional<Currency> currency, String field,
            List<Violation> violations) {
        Optional<BigDecimal> amount = exact(money, field, violations);
        if (amount.isPresent() && amount.get().signum() < 0) {
            violations.add(new Violation(field, amount.get().toPlainString() + " is negative; an amount due cannot be"));
            return Optional.empty();
        }
        return amount.flatMap(a -> scaled(a, currency, field, violations));
    }

    /**
     * An amount that only means something above zero (a payment, a promise), scaled to the
     * currency's minor unit.
     *
     * @param what the amount in words, e.g. "a payment"
     */
    public static Optional<BigDecimal> positiveAmount(Money money, Optional<Currency> currency, String field,
            String what, List<Violation> violations) {
        Optional<BigDecimal> amount = exact(money, field, violations);
        if (amount.isPresent() && amount.get().signum() <= 0) {
            violations.add(new Violation(field, amount.get().toPlainString() + " is not more than zero; " + what
                    + " must be"));
            return Optional.empty();
        }
        return amount.flatMap(a -> scaled(a, currency, field, violations));
    }

    /** A whole calendar day: google.type.Date also allows partial dates, with a 0 year, month or day. */
    public static Optional<LocalDate> date(Date date, String field, String meaning, List<Violation> violations) {
        if (date.getYear() == 0 && date.getMonth() == 0 && date.getDay() == 0) {
            violations.add(new Violation(field, "missing: " + meaning + " is required"));
            return Optional.empty();
        }
        String given = date.getYear() + "-" + date.getMonth() + "-" + date.getDay();
        if (date.getYear() == 0 || date.getMonth() == 0 || date.getDay() == 0) {
            violations.add(new Violation(field, given + " is not a full date: year, month and day are all needed"));
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(date.getYear(), date.getMonth(), date.getDay()));
        } catch (DateTimeException e) {
            violations.add(new Violation(field, given + " is not a calendar date"));
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> exact(Money money, String field, List<Violation> violations) {
        long units = money.getUnits();
        int nanos = money.getNanos();
        if (Math.abs(nanos) >= NANOS_PER_UNIT || (units > 0 && nanos < 0) || (units < 0 && nanos > 0)) {
            violations.add(new Violation(field, "not a valid google.type.Money: nanos must lie within"
                    + " ±999,999,999 and have the sign of units (got units " + units + ", nanos " + nanos + ")"));
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(units).add(BigDecimal.valueOf(nanos, 9)).stripTrailingZeros());
    }

    private static Optional<BigDecimal> scaled(BigDecimal amount, Optional<Currency> currency, String field,
            List<Violation> violations) {
        if (currency.isEmpty()) {
            return Optional.empty();
        }
        int minorDigits = currency.get().getDefaultFractionDigits();
        if (amount.scale() > minorDigits) {
            violations.add(new Violation(field, amount.toPlainString() + " has " + amount.scale()
                    + " decimal places; " + currency.get() + " allows at most " + minorDigits));
            return Optional.empty();
        }
        return Optional.of(amount.setScale(minorDigits));
    }
}
