package dev.collector.domain.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a debtor's personal data appears in a log line: enough for an operator to tell two lines
 * apart and to find the case, never enough to call, write to or name the debtor. Logs travel
 * further than the database (support tickets, log shippers, backups) and are rarely deleted on
 * request; debtors' names, numbers, addresses and what they owe stay out of them.
 */
public final class Pii {

    private static final String HIDDEN = "***";

    private Pii() {
    }

    /** {@code +420601234567} as {@code +42*******567}: the country shows, the subscriber does not. */
    public static String phone(String number) {
        if (number == null || number.isBlank()) {
            return HIDDEN;
        }
        String digits = number.strip();
        if (digits.length() <= 6) {
            return HIDDEN;
        }
        int shown = 3;
        int prefix = digits.startsWith("+") ? 3 : 2;
        return digits.substring(0, prefix) + "*".repeat(digits.length() - prefix - shown)
                + digits.substring(digits.length() - shown);
    }

    /** {@code jana.novak@example.cz} as {@code j***@example.cz}. */
    public static String email(String address) {
        if (address == null) {
            return HIDDEN;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return HIDDEN;
        }
        return address.charAt(0) + HIDDEN + address.substring(at);
    }

    /** {@code Jana Novakova} as {@code J*** N***}. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return HIDDEN;
        }
        StringBuilder masked = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (masked.length() > 0) {
                masked.append(' ');
            }
            masked.appendCodePoint(part.codePointAt(0)).append(HIDDEN);
        }
        return masked.toString();
    }

    /** What is owed, paid or promised: never in a log line. */
    public static String amount(Object amount) {
        return HIDDEN;
    }

    /**
     * A free text written to a debtor (an SMS, an e-mail body): its length and a fingerprint, so
     * two log lines about the same message can be matched, and nothing of what it says.
     */
    public static String text(String text) {
        if (text == null) {
            return "(no text)";
        }
        return "(" + text.length() + " characters, sha256 " + fingerprint(text) + ")";
    }

    private static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
