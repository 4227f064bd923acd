package dev.collector.compliance.window;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
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
        throw new UnsupportedOperationException("TODO");
    }

    /** The instant itself if the window is open then, else the next instant it opens in that zone. */
    public Instant nextOpening(Instant at, ZoneId zone) {
        throw new UnsupportedOperationException("TODO");
    }

    /** When the window that is open at this instant closes; only meaningful while open. */
    public Instant closingAfter(Instant at, ZoneId zone) {
        throw new UnsupportedOperationException("TODO");
    }
}
