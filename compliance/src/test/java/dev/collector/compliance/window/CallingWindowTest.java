package dev.collector.compliance.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallingWindowTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final CallingWindow STANDARD = CallingWindow.standard();
    private static final CallingWindow WEEKDAYS = new CallingWindow(LocalTime.of(8, 0), LocalTime.of(21, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    @Test
    void the_window_is_open_from_eight_oclock_sharp() {
        assertThat(STANDARD.isOpenAt(Instant.parse("2026-03-03T07:59:59.999Z"), LONDON)).isFalse();
        assertThat(STANDARD.isOpenAt(Instant.parse("2026-03-03T08:00:00Z"), LONDON)).isTrue();
    }

    @Test
    void the_window_is_closed_from_nine_pm_sharp() {
        assertThat(STANDARD.isOpenAt(Instant.parse("2026-03-03T20:59:59.999Z"), LONDON)).isTrue();
        assertThat(STANDARD.isOpenAt(Instant.parse("2026-03-03T21:00:00Z"), LONDON)).isFalse();
    }

    @Test
    void the_window_follows_the_zones_wall_clock() {
        // 12:30Z is 07:30 in New York before the DST change and 08:30 after it.
        assertThat(STANDARD.isOpenAt(Instant.parse("2026-03-06T12:30:00Z"), NEW_YORK)).isFalse();
        assertThat(STANDARD.isOpenAt(Instant.parse("2026-03-09T12:30:00Z"), NEW_YORK)).isTrue();
    }

    @Test
    void the_window_is_closed_on_days_off() {
        assertThat(WEEKDAYS.isOpenAt(Instant.parse("2026-03-07T10:00:00Z"), LONDON)).isFalse(); // Saturday
        assertThat(WEEKDAYS.isOpenAt(Instant.parse("2026-03-09T10:00:00Z"), LONDON)).isTrue(); // Monday
    }

    @Test
    void the_next_opening_of_an_open_window_is_now() {
        Instant now = Instant.parse("2026-03-03T13:17:42Z");

        assertThat(STANDARD.nextOpening(now, LONDON)).isEqualTo(now);
    }

    @Test
    void before_eight_the_window_opens_the_same_morning() {
        assertThat(STANDARD.nextOpening(Instant.parse("2026-03-03T02:00:00Z"), LONDON))
                .isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
    }

    @Test
    void at_nine_pm_the_window_opens_the_next_morning() {
        assertThat(STANDARD.nextOpening(Instant.parse("2026-03-03T21:00:00Z"), LONDON))
                .isEqualTo(Instant.parse("2026-03-04T08:00:00Z"));
    }

    @Test
    void after_friday_evening_a_weekday_window_opens_on_monday() {
        Instant monday = Instant.parse("2026-03-09T08:00:00Z");

        assertThat(WEEKDAYS.nextOpening(Instant.parse("2026-03-06T21:00:00Z"), LONDON)).isEqualTo(monday);
        assertThat(WEEKDAYS.nextOpening(Instant.parse("2026-03-07T10:00:00Z"), LONDON)).isEqualTo(monday);
    }

    @Test
    void a_window_of_one_day_a_week_opens_a_week_later_once_it_has_closed() {
        CallingWindow tuesdays = new CallingWindow(LocalTime.of(10, 0), LocalTime.of(12, 0), Set.of(DayOfWeek.TUESDAY));

        assertThat(tuesdays.nextOpening(Instant.parse("2026-03-03T12:00:00Z"), LONDON))
                .isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
    }

    @Test
    void the_window_opens_at_eight_local_time_on_the_morning_of_the_dst_change() {
        // Sunday 2026-03-08: 08:00 EDT is 12:00Z; the day before, 08:00 EST was 13:00Z.
        assertThat(STANDARD.nextOpening(Instant.parse("2026-03-08T05:00:00Z"), NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
        assertThat(STANDARD.nextOpening(Instant.parse("2026-03-07T05:00:00Z"), NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-07T13:00:00Z"));
    }

    @Test
    void an_opening_time_skipped_by_the_dst_gap_opens_the_window_when_the_clocks_jump() {
        CallingWindow night = CallingWindow.everyDay(LocalTime.of(2, 30), LocalTime.of(6, 0));

        // 02:30 does not exist in New York on 2026-03-08: clocks go from 02:00 EST straight to 03:00 EDT (07:00Z).
        Instant opening = night.nextOpening(Instant.parse("2026-03-08T05:00:00Z"), NEW_YORK);

        assertThat(opening).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(night.isOpenAt(opening, NEW_YORK)).isTrue();
        assertThat(night.isOpenAt(opening.minusMillis(1), NEW_YORK)).isFalse();
    }

    @Test
    void an_opening_time_seen_twice_when_clocks_fall_back_opens_the_window_the_first_time() {
        CallingWindow night = CallingWindow.everyDay(LocalTime.of(1, 30), LocalTime.of(6, 0));

        // 01:30 happens twice in New York on 2026-11-01: first at 05:30Z (EDT), again at 06:30Z (EST).
        assertThat(night.nextOpening(Instant.parse("2026-11-01T04:00:00Z"), NEW_YORK))
                .isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void an_open_window_closes_at_nine_pm_local_time() {
        assertThat(STANDARD.closingAfter(Instant.parse("2026-03-03T10:00:00Z"), LONDON))
                .isEqualTo(Instant.parse("2026-03-03T21:00:00Z"));
        assertThat(STANDARD.closingAfter(Instant.parse("2026-03-30T10:00:00Z"), LONDON))
                .isEqualTo(Instant.parse("2026-03-30T20:00:00Z")); // 21:00 BST
    }

    @Test
    void a_closed_window_reports_the_closing_of_its_next_opening() {
        assertThat(WEEKDAYS.closingAfter(Instant.parse("2026-03-07T10:00:00Z"), LONDON))
                .isEqualTo(Instant.parse("2026-03-09T21:00:00Z"));
    }
}
