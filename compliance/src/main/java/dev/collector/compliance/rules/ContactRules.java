package dev.collector.compliance.rules;

import dev.collector.compliance.window.CallingWindow;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The contact limits of one campaign in one country. Defaults follow the strictest of the rules
 * in force (Regulation F's 7-in-7 and 7-day quiet period, Ofcom's 72 h after an abandoned call).
 *
 * @param maxAttemptsPerDebt call attempts allowed per debt within {@code attemptPeriod}
 * @param attemptPeriod rolling period over which attempts are counted (7 days)
 * @param quietAfterConversation no call about a debt this long after a conversation about it
 * @param abandonLockout no call to a number this long after an abandoned call to it
 */
public record ContactRules(
        CallingWindow window,
        int maxAttemptsPerDebt,
        Duration attemptPeriod,
        Duration quietAfterConversation,
        Duration abandonLockout) implements Serializable {

    public ContactRules {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(attemptPeriod, "attemptPeriod");
        Objects.requireNonNull(quietAfterConversation, "quietAfterConversation");
        Objects.requireNonNull(abandonLockout, "abandonLockout");
        if (maxAttemptsPerDebt < 1) {
            throw new IllegalArgumentException("maxAttemptsPerDebt must be at least 1");
        }
        if (attemptPeriod.isNegative() || quietAfterConversation.isNegative() || abandonLockout.isNegative()) {
            throw new IllegalArgumentException("periods must not be negative");
        }
    }

    public static ContactRules strictest() {
        return new ContactRules(CallingWindow.standard(), 7, Duration.ofDays(7), Duration.ofDays(7), Duration.ofHours(72));
    }

    public ContactRules withWindow(CallingWindow newWindow) {
        return new ContactRules(newWindow, maxAttemptsPerDebt, attemptPeriod, quietAfterConversation, abandonLockout);
    }

    public ContactRules withMaxAttempts(int attempts, Duration period) {
        return new ContactRules(window, attempts, period, quietAfterConversation, abandonLockout);
    }

    public ContactRules withQuietAfterConversation(Duration quiet) {
        return new ContactRules(window, maxAttemptsPerDebt, attemptPeriod, quiet, abandonLockout);
    }

    public ContactRules withAbandonLockout(Duration lockout) {
        return new ContactRules(window, maxAttemptsPerDebt, attemptPeriod, quietAfterConversation, lockout);
    }
}
