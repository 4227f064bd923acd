package dev.collector.compliance.guard;

import static dev.collector.compliance.guard.Dialing.LONDON;
import static dev.collector.compliance.guard.Dialing.NEW_YORK;
import static dev.collector.compliance.guard.Dialing.TOKYO;
import static dev.collector.compliance.guard.Dialing.aCase;
import static dev.collector.compliance.guard.Dialing.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.domain.casework.Case;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Weeks of simulated time, one check every 15 minutes, for debtors in three zones: the guard permits
 * exactly while the debtor's clock shows 08:00 to 21:00, whatever the DST changes do to UTC.
 */
class CallingWeekSimulationTest {

    private static final Duration STEP = Duration.ofMinutes(15);
    private static final LocalTime EIGHT = LocalTime.of(8, 0);
    private static final LocalTime NINE_PM = LocalTime.of(21, 0);

    private static final List<Case> DEBTORS = List.of(
            aCase("CASE-NY", "D-NY", NEW_YORK, List.of("C-NY"), "+12125550100"),
            aCase("CASE-LDN", "D-LDN", LONDON, List.of("C-LDN"), "+442079460000"),
            aCase("CASE-TYO", "D-TYO", TOKYO, List.of("C-TYO"), "+81312345678"));

    @ParameterizedTest(name = "week from {0}")
    @CsvSource({
        "2026-03-04T00:00:00Z", // the US springs forward on Sunday 2026-03-08
        "2026-03-25T00:00:00Z", // the EU springs forward on Sunday 2026-03-29
    })
    void debtors_in_three_zones_are_called_exactly_between_eight_and_nine_pm_local_time(Instant from) {
        Instant until = from.plus(Duration.ofDays(8));
        Map<String, Integer> permitsPerLocalDay = new TreeMap<>();
        for (Instant now = from; now.isBefore(until); now = now.plus(STEP)) {
            for (Case debtorCase : DEBTORS) {
                ZoneId zone = debtorCase.timeZone();
                LocalTime local = now.atZone(zone).toLocalTime();
                Verdict verdict = check(debtorCase, ContactRecord.empty(debtorCase.debtor().debtorId()), now);
                boolean inHours = !local.isBefore(EIGHT) && local.isBefore(NINE_PM);
                if (inHours) {
                    assertThat(verdict).as("%s at %s (%s local)", zone, now, local)
                            .isEqualTo(new Verdict.Permitted(debtorCase.primaryPhone(), List.of()));
                    permitsPerLocalDay.merge(zone + " " + now.atZone(zone).toLocalDate(), 1, Integer::sum);
                } else {
                    Verdict.Refused refused = Dialing.refused(verdict);
                    assertThat(Dialing.rules(refused)).as("%s at %s", zone, now).containsExactly("CALLING_HOURS");
                    assertThat(refused.retryAt()).as("%s at %s (%s local)", zone, now, local)
                            .isEqualTo(nextLocalEight(now, zone));
                    assertThat(refused.refusals().get(0).lapsesAt()).isEqualTo(refused.retryAt());
                }
            }
        }
        // 13 hours, 4 checks an hour, on every local day the simulation covers whole, the day of the
        // DST change (23 hours long) included: the change moves the hours in UTC, not their number.
        for (Case debtorCase : DEBTORS) {
            ZoneId zone = debtorCase.timeZone();
            LocalDate firstWholeDay = from.atZone(zone).toLocalDate().plusDays(1);
            LocalDate afterLastWholeDay = until.atZone(zone).toLocalDate();
            for (LocalDate day = firstWholeDay; day.isBefore(afterLastWholeDay); day = day.plusDays(1)) {
                assertThat(permitsPerLocalDay.get(zone + " " + day)).as("permits on %s in %s", day, zone).isEqualTo(52);
            }
        }
    }

    @Test
    void the_first_call_of_the_day_moves_an_hour_earlier_in_utc_when_new_york_springs_forward() {
        Map<LocalDate, Instant> firstPermits = firstPermitsPerLocalDay(DEBTORS.get(0),
                Instant.parse("2026-03-06T00:00:00Z"), Instant.parse("2026-03-11T00:00:00Z"));

        assertThat(firstPermits).containsEntry(LocalDate.of(2026, 3, 7), Instant.parse("2026-03-07T13:00:00Z"))
                .containsEntry(LocalDate.of(2026, 3, 8), Instant.parse("2026-03-08T12:00:00Z"))
                .containsEntry(LocalDate.of(2026, 3, 9), Instant.parse("2026-03-09T12:00:00Z"));
    }

    @Test
    void the_first_call_of_the_day_moves_an_hour_earlier_in_utc_when_london_springs_forward() {
        Map<LocalDate, Instant> firstPermits = firstPermitsPerLocalDay(DEBTORS.get(1),
                Instant.parse("2026-03-27T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"));

        assertThat(firstPermits).containsEntry(LocalDate.of(2026, 3, 28), Instant.parse("2026-03-28T08:00:00Z"))
                .containsEntry(LocalDate.of(2026, 3, 29), Instant.parse("2026-03-29T07:00:00Z"))
                .containsEntry(LocalDate.of(2026, 3, 30), Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void tokyo_keeps_no_dst_so_its_window_stays_put_in_utc() {
        Map<LocalDate, Instant> firstPermits = firstPermitsPerLocalDay(DEBTORS.get(2),
                Instant.parse("2026-03-27T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"));

        assertThat(firstPermits).containsEntry(LocalDate.of(2026, 3, 28), Instant.parse("2026-03-27T23:00:00Z"))
                .containsEntry(LocalDate.of(2026, 3, 30), Instant.parse("2026-03-29T23:00:00Z"));
    }

    @Test
    void a_debtor_in_new_york_is_not_called_before_eight_local_time() {
        Case newYork = DEBTORS.get(0);
        ContactRecord record = ContactRecord.empty("D-NY");

        Verdict.Refused refused = Dialing.refused(check(newYork, record, Instant.parse("2026-03-10T11:59:00Z")));

        assertThat(refused.retryAt()).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
        assertThat(refused.refusals().get(0).explanation())
                .isEqualTo("it is Tue 07:59 in America/New_York where the debtor lives; calls 08:00-21:00 every day");
        Dialing.permitted(check(newYork, record, Instant.parse("2026-03-10T12:00:00Z")));
    }

    private static Map<LocalDate, Instant> firstPermitsPerLocalDay(Case debtorCase, Instant from, Instant until) {
        Map<LocalDate, Instant> first = new TreeMap<>();
        for (Instant now = from; now.isBefore(until); now = now.plus(STEP)) {
            if (check(debtorCase, ContactRecord.empty("D"), now) instanceof Verdict.Permitted) {
                first.putIfAbsent(now.atZone(debtorCase.timeZone()).toLocalDate(), now);
            }
        }
        return first;
    }

    private static Instant nextLocalEight(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(EIGHT) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, EIGHT, zone).toInstant();
    }
}
