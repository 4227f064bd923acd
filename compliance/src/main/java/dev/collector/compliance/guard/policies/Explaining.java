package dev.collector.compliance.guard.policies;

import dev.collector.compliance.window.CallingWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Collectors;

/** Wording and arithmetic the policies share, so refusals read alike in the audit trail. */
final class Explaining {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private Explaining() {
    }

    /** A period as a person states it: "7 days", "72 hours", "90 minutes". */
    static String period(Duration period) {
        if (period.toHours() > 72 && period.equals(Duration.ofDays(period.toDays()))) {
            return plural(period.toDays(), "day");
        }
        if (period.equals(Duration.ofHours(period.toHours()))) {
            return plural(period.toHours(), "hour");
        }
        if (period.equals(Duration.ofMinutes(period.toMinutes()))) {
            return plural(period.toMinutes(), "minute");
        }
        return period.toString();
    }

    static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** "Sat 07:45 in America/New_York". */
    static String localTime(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return LOCAL.format(local) + " in " + zone;
    }

    /** "08:00-21:00 every day", "09:00-18:00 on Mon, Tue, Wed, Thu, Fri". */
    static String window(CallingWindow window) {
        String hours = window.opens() + "-" + window.closes();
        if (window.days().size() == DayOfWeek.values().length) {
            return hours + " every day";
        }
        return hours + " on " + EnumSet.copyOf(window.days()).stream()
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(", "));
    }

    /** {@code at + period}, or {@link Instant#MAX} when a configured period is absurdly long. */
    static Instant plus(Instant at, Duration period) {
        Instant max = Instant.MAX;
        if (Duration.between(at, max).compareTo(period) <= 0) {
            return max;
        }
        return at.plus(period);
    }
}
