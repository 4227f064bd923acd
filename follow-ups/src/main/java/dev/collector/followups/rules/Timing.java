package dev.collector.followups.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** When a rule's task falls due, from the moment it fired, in the debtor's time zone. */
public sealed interface Timing {

    /**
     * @param firedAt  when the rule fired (the outcome's time, not the clock's: planning twice gives the same)
     * @param promised the promise's date, for timings relative to it
     * @return empty when the time would come too late to matter (a reminder after the promised day)
     */
    Optional<Instant> dueAt(Instant firedAt, ZoneId zone, Optional<LocalDate> promised);

    record Immediately() implements Timing {
        @Override
        public Optional<Instant> dueAt(Instant firedAt, ZoneId zone, Optional<LocalDate> promised) {
            return Optional.of(firedAt);
        }
    }

    record After(Duration delay) implements Timing {
        @Override
        public Optional<Instant> dueAt(Instant firedAt, ZoneId zone, Optional<LocalDate> promised) {
            return Optional.of(firedAt.plus(delay));
        }
    }

    /** {@code days} before the promised date at a local time; skipped if that is not after the firing. */
    record BeforePromiseDate(int days, LocalTime at) implements Timing {
        @Override
        public Optional<Instant> dueAt(Instant firedAt, ZoneId zone, Optional<LocalDate> promised) {
            return promised.map(date -> date.minusDays(days).atTime(at).atZone(zone).toInstant())
                    .filter(due -> due.isAfter(firedAt));
        }
    }

    /**
     * The next time the debtor's clock shows {@code at} (a call the next morning): later today if
     * fired in the small hours, else tomorrow.
     */
    record NextMorning(LocalTime at) implements Timing {
        @Override
        public Optional<Instant> dueAt(Instant firedAt, ZoneId zone, Optional<LocalDate> promised) {
            LocalDate day = firedAt.atZone(zone).toLocalDate();
            Instant today = day.atTime(at).atZone(zone).toInstant();
            return Optional.of(today.isAfter(firedAt) ? today : day.plusDays(1).atTime(at).atZone(zone).toInstant());
        }
    }
}
