package dev.collector.compliance.guard;

import static dev.collector.compliance.guard.Dialing.LONDON;
import static dev.collector.compliance.guard.Dialing.NEW_YORK;
import static dev.collector.compliance.guard.Dialing.aCase;
import static dev.collector.compliance.guard.Dialing.check;
import static dev.collector.compliance.guard.Dialing.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.compliance.ledger.DoNotCallList;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.compliance.window.CallingWindow;
import dev.collector.domain.casework.Case;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberSkippingTest {

    private static final String FIRST = "+447700900001";
    private static final String SECOND = "+447700900002";
    private static final Case TWO_NUMBERS = aCase("CASE-A", "D-1", LONDON, List.of("C-1"), FIRST, SECOND);
    private static final Instant NOW = Instant.parse("2026-03-03T10:00:00Z");
    private static final Instant PLACED = Instant.parse("2026-03-02T16:20:00Z");

    @Test
    void an_invalid_first_number_is_skipped_and_the_second_is_dialed() {
        ContactRecord record = ContactRecord.empty("D-1")
                .withHold(new Hold(HoldReason.INVALID_NUMBER, FIRST, "dialer", PLACED));

        assertThat(check(TWO_NUMBERS, record, NOW)).isEqualTo(new Verdict.Permitted(SECOND, List.of(Refusal.ofNumber(
                "INVALID_NUMBER",
                FIRST,
                FIRST + " is on hold as INVALID_NUMBER since 2026-03-02T16:20:00Z (placed by dialer); not dialed until lifted",
                Instant.MAX))));
    }

    @Test
    void a_number_the_debtor_asked_us_not_to_call_is_skipped() {
        ContactRecord record = ContactRecord.empty("D-1")
                .withHold(new Hold(HoldReason.DO_NOT_CALL, FIRST, "agent-3", PLACED));

        Verdict.Permitted permitted = Dialing.permitted(check(TWO_NUMBERS, record, NOW));

        assertThat(permitted.phoneNumber()).isEqualTo(SECOND);
        assertThat(permitted.skipped()).extracting(Refusal::rule).containsExactly("DO_NOT_CALL");
    }

    @Test
    void a_number_on_the_do_not_call_list_is_skipped() {
        DoNotCallList list = FIRST::equals;

        Verdict verdict = check(new DialRequest(TWO_NUMBERS, NOW, false), ContactRecord.empty("D-1"), Dialing.RULES, list);

        assertThat(verdict).isEqualTo(new Verdict.Permitted(SECOND, List.of(Refusal.ofNumber(
                "DO_NOT_CALL", FIRST, FIRST + " is on the do-not-call list", Instant.MAX))));
    }

    @Test
    void the_first_number_is_dialed_when_nothing_refuses_it() {
        ContactRecord record = ContactRecord.empty("D-1")
                .withHold(new Hold(HoldReason.INVALID_NUMBER, SECOND, "dialer", PLACED));

        assertThat(check(TWO_NUMBERS, record, NOW)).isEqualTo(new Verdict.Permitted(FIRST, List.of()));
    }

    @Test
    void a_case_whose_numbers_are_all_held_is_refused_until_a_hold_is_lifted() {
        ContactRecord record = ContactRecord.empty("D-1")
                .withHold(new Hold(HoldReason.INVALID_NUMBER, FIRST, "dialer", PLACED))
                .withHold(new Hold(HoldReason.DO_NOT_CALL, SECOND, "crm", PLACED));

        Verdict.Refused refused = refused(check(TWO_NUMBERS, record, NOW));

        assertThat(refused.refusals()).extracting(Refusal::rule, Refusal::phoneNumber)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("INVALID_NUMBER", FIRST),
                        org.assertj.core.groups.Tuple.tuple("DO_NOT_CALL", SECOND));
        assertThat(refused.held()).isTrue();
    }

    @Test
    void a_case_whose_numbers_are_all_refused_is_retried_when_the_first_number_comes_free() {
        Instant abandoned = Instant.parse("2026-03-01T12:00:00Z");
        ContactRecord record = ContactRecord.empty("D-1")
                .withHold(new Hold(HoldReason.INVALID_NUMBER, FIRST, "dialer", PLACED))
                .withAbandon(SECOND, abandoned);

        Verdict.Refused refused = refused(check(TWO_NUMBERS, record, NOW));

        assertThat(refused.retryAt()).isEqualTo(Instant.parse("2026-03-04T12:00:00Z"));
        assertThat(Dialing.rules(refused)).containsExactly("INVALID_NUMBER", "ABANDON_LOCKOUT");
    }

    @Test
    void a_number_ringing_abroad_is_skipped_outside_calling_hours_where_it_rings() {
        // A New York debtor whose first number is a UK mobile: 18:30 in New York is 22:30 in London.
        Case newYorker = aCase("CASE-NY", "D-2", NEW_YORK, List.of("C-9"), "+447700900009", "+12125550100");
        Instant evening = Instant.parse("2026-03-10T22:30:00Z");

        assertThat(check(newYorker, ContactRecord.empty("D-2"), evening)).isEqualTo(new Verdict.Permitted(
                "+12125550100",
                List.of(Refusal.ofNumber(
                        "CALLING_HOURS_WHERE_IT_RINGS",
                        "+447700900009",
                        "it is Tue 22:30 in Europe/London where +447700900009 rings; calls 08:00-21:00 every day",
                        Instant.parse("2026-03-11T08:00:00Z")))));
        assertThat(check(newYorker, ContactRecord.empty("D-2"), Instant.parse("2026-03-10T15:00:00Z")))
                .isEqualTo(new Verdict.Permitted("+447700900009", List.of()));
    }

    @Test
    void the_window_where_a_number_rings_is_that_of_its_countrys_rules() {
        CallingWindow ukHours = new CallingWindow(LocalTime.of(9, 0), LocalTime.of(20, 0),
                java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.SATURDAY));
        CampaignRules rules = Dialing.RULES.withCountry("GB", ContactRules.strictest().withWindow(ukHours));
        Case newYorker = aCase("CASE-NY", "D-2", NEW_YORK, List.of("C-9"), "+12125550100", "+447700900009");
        // Sunday 2026-03-15, 14:00 in New York (EDT), 18:00 in London: inside 08-21, but the UK rules rest on Sundays.
        Instant sunday = Instant.parse("2026-03-15T18:00:00Z");
        ContactRecord record = ContactRecord.empty("D-2").withAbandon("+12125550100", Instant.parse("2026-03-14T18:00:00Z"));

        Verdict.Refused refused = refused(check(new DialRequest(newYorker, sunday, false), record, rules, DoNotCallList.none()));

        assertThat(refused.refusals()).extracting(Refusal::rule)
                .containsExactly("ABANDON_LOCKOUT", "CALLING_HOURS_WHERE_IT_RINGS");
        assertThat(refused.refusals().get(1).explanation())
                .isEqualTo("it is Sun 18:00 in Europe/London where +447700900009 rings;"
                        + " calls 09:00-20:00 on Mon, Tue, Wed, Thu, Fri, Sat");
        // The UK number is free first: Monday 09:00 London, before the US lockout ends on the 17th.
        assertThat(refused.retryAt()).isEqualTo(Instant.parse("2026-03-16T09:00:00Z"));
    }
}
