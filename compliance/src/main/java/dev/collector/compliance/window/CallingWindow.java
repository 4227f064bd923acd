package dev.collector.compliance.window;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The local hours in which a debtor may be called, in the debtor's own time zone: Regulation F
 * presumes calls before 08:00 or after 21:00 inconvenient. Wall-clock hours, so a DST change moves
 * the window with the debtor's clocks.
 *
 * @param opens first local time a call may start (inclusive)
 * @param closes local time from which no call may start (exclusive)
 * @param days days of the week on which the window opens at all
 */
public record CallingWindow(LocalTime opens, LocalTime closes, Set<DayOfWeek> days) implements Serializable {

    private static final int SEARCH_DAYS = 15;

    public CallingWindow {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        days = Set.copyOf(days);
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("a calling window opens before it closes: " + opens + "-" + closes);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a calling window needs at least one day");
        }
    }

    /** 08:00 to 21:00 every day: the Regulation F presumption. */
    public static CallingWindow standard() {
        return everyDay(LocalTime.of(8, 0), LocalTime.of(21, 0));
    }

    public static CallingWindow everyDay(LocalTime opens, LocalTime closes) {
        return new CallingWindow(opens, closes, EnumSet.allOf(DayOfWeek.class));
    }

    /** Whether a call may start at this instant for someone living in this zone. */
    public boolean isOpenAt(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
    }

    /** The instant itself if the window is open then, else the next instant it opens in that zone. */
    public Instant nextOpening(Instant at, ZoneId zone) {
        if (isOpenAt(at, zone)) {
            return at;
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        // A week and a day reaches every day of the week after today's window has passed. The few
        // extra days only matter for a window that a DST gap swallows whole on its only day.
        for (int i = 0; i <= SEARCH_DAYS; i++) {
            LocalDate candidateDay = day.plusDays(i);
            if (!days.contains(candidateDay.getDayOfWeek())) {
                continue;
            }
            Instant opening = firstInstantAtOrAfter(candidateDay.atTime(opens), zone);
            if (opening.isAfter(at) && isOpenAt(opening, zone)) {
                return opening;
            }
        }
        throw new IllegalStateException("calling window " + this + " never opens in " + zone + " after " + at);
    }

    /** When the window that is open at this instant closes; only meaningful while open. */
    public Instant closingAfter(Instant at, ZoneId zone) {
        // Outside the window, the closing of the next window to open is the only useful answer.
        Instant open = nextOpening(at, zone);
        LocalDate day = open.atZone(zone).toLocalDate();
        return firstInstantAtOrAfter(day.atTime(closes), zone);
    }

    /**
     * The instant the local clock first shows this time: for a time skipped by a DST gap, the end
     * of the gap (not {@link ZonedDateTime#of}'s shift by the gap's length, which would open an
     * hour late); for a time seen twice, its first occurrence.
     */
    private static Instant firstInstantAtOrAfter(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }
}
