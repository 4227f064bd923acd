package dev.collector.compliance.guard.policies;

import dev.collector.compliance.guard.CasePolicy;
import dev.collector.compliance.guard.DialContext;
import dev.collector.compliance.guard.Refusal;
import dev.collector.compliance.window.CallingWindow;
import java.time.ZoneId;
import java.util.Optional;

/** Regulation F: no call before 08:00 or after 21:00 where the debtor lives (the case's time zone). */
public final class DebtorCallingHoursPolicy implements CasePolicy {

    public static final String RULE = "CALLING_HOURS";

    @Override
    public Optional<Refusal> check(DialContext context) {
        CallingWindow window = context.caseRules().window();
        ZoneId zone = context.aCase().timeZone();
        if (window.isOpenAt(context.now(), zone)) {
            return Optional.empty();
        }
        return Optional.of(Refusal.ofCase(
                RULE,
                "it is " + Explaining.localTime(context.now(), zone) + " where the debtor lives; calls "
                        + Explaining.window(window),
                window.nextOpening(context.now(), zone)));
    }
}
