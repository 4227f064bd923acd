package dev.collector.crmbridge.intake;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The debtor's optional e-mail address: one plain address, where e-mail follow-ups go. Checked for
 * shape only (local part, @, a domain with a dot, no spaces or display name): whether the mailbox
 * exists only delivery can tell, and a bounced e-mail is recorded like any failed delivery.
 */
final class DebtorEmail {

    /** RFC 5321's limit on a forward path. */
    static final int LONGEST = 254;
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private DebtorEmail() {
    }

    static void check(String email, String field, List<Violation> violations) {
        if (email.isEmpty()) {
            return;
        }
        if (email.length() > LONGEST) {
            violations.add(new Violation(field, "has " + email.length() + " characters; an address has at most " + LONGEST));
        } else if (!ADDRESS.matcher(email).matches() || email.startsWith(".") || email.contains("..")) {
            violations.add(new Violation(field, "'" + (email.length() > 40 ? email.substring(0, 40) + "…" : email)
                    + "' is not an e-mail address: one address like name@example.com, without a display name"));
        }
    }
}
