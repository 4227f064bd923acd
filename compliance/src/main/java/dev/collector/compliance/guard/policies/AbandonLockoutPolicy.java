package dev.collector.compliance.guard.policies;

import dev.collector.compliance.guard.DialContext;
import dev.collector.compliance.guard.NumberPolicy;
import dev.collector.compliance.guard.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Ofcom: after an abandoned call, no repeat call to that number for 72 hours. */
public final class AbandonLockoutPolicy implements NumberPolicy {

    public static final String RULE = "ABANDON_LOCKOUT";

    @Override
    public Optional<Refusal> check(DialContext context, String phoneNumber) {
        Optional<Instant> abandon = context.record().lastAbandonOn(phoneNumber);
        if (abandon.isEmpty()) {
            return Optional.empty();
        }
        Duration lockout = context.rulesFor(phoneNumber).abandonLockout();
        Instant lapse = Explaining.plus(abandon.get(), lockout);
        if (!lapse.isAfter(context.now())) {
            return Optional.empty();
        }
        return Optional.of(Refusal.ofNumber(
                RULE,
                phoneNumber,
                "call to " + phoneNumber + " abandoned at " + abandon.get() + "; no repeat call for "
                        + Explaining.period(lockout),
                lapse));
    }
}
