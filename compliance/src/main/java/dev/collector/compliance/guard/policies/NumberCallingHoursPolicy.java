package dev.collector.compliance.guard.policies;

import dev.collector.compliance.guard.DialContext;
import dev.collector.compliance.guard.NumberPolicy;
import dev.collector.compliance.guard.Refusal;
import dev.collector.compliance.phone.PhoneCountry;
import dev.collector.compliance.window.CallingWindow;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A number that rings in another time zone than the debtor's home (a mobile abroad, a work line)
 * must be within calling hours there too. Only for countries with a single zone: for +1 or +7 the
 * number says nothing reliable about where it rings.
 */
public final class NumberCallingHoursPolicy implements NumberPolicy {

    public static final String RULE = "CALLING_HOURS_WHERE_IT_RINGS";

    @Override
    public Optional<Refusal> check(DialContext context, String phoneNumber) {
        Optional<ZoneId> ringsIn = PhoneCountry.singleZoneOf(phoneNumber);
        if (ringsIn.isEmpty() || ringsIn.get().equals(context.aCase().timeZone())) {
            return Optional.empty();
        }
        ZoneId zone = ringsIn.get();
        CallingWindow window = context.rulesFor(phoneNumber).window();
        if (window.isOpenAt(context.now(), zone)) {
            return Optional.empty();
        }
        return Optional.of(Refusal.ofNumber(
                RULE,
                phoneNumber,
                "it is " + Explaining.localTime(context.now(), zone) + " where " + phoneNumber
                        + " rings; calls " + Explaining.window(window),
                window.nextOpening(context.now(), zone)));
    }
}
