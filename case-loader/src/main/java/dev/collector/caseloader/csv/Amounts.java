package dev.collector.caseloader.csv;

import com.google.type.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Amounts as CRMs export them ("1234.50") to Money, exactly: no binary floating point on the way. */
public final class Amounts {

    // A plain decimal with '.' as its point: no exponent, no grouping, at most 9 decimals (nanos).
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d{1,9})?");

    private Amounts() {
    }

    /**
     * The amount in currency as Money, its units and nanos of the same sign.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static Money toMoney(String text, String currencyCode) {
        String amount = text.strip();
        if (amount.isEmpty()) {
            throw new IllegalArgumentException("amount is empty");
        }
        if (!DECIMAL.matcher(amount).matches()) {
            if (amount.matches("[+-]?\\d+\\.\\d{10,}")) {
                throw new IllegalArgumentException("amount '" + amount + "' has more than 9 decimals");
            }
            throw new IllegalArgumentException("amount '" + amount
                    + "' is not a decimal number such as 1234.50 (a '.' for the decimal point, no grouping)");
        }
        BigDecimal value = new BigDecimal(amount);
        BigDecimal units = value.setScale(0, RoundingMode.DOWN);
        long wholeUnits;
        try {
            wholeUnits = units.longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException("amount '" + amount + "' is too large");
        }
        int nanos = value.subtract(units).movePointRight(9).intValueExact();
        return Money.newBuilder().setCurrencyCode(currencyCode).setUnits(wholeUnits).setNanos(nanos).build();
    }
}
