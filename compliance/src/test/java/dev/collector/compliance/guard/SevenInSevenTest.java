package dev.collector.compliance.guard;

import static dev.collector.compliance.guard.Dialing.LONDON;
import static dev.collector.compliance.guard.Dialing.aCase;
import static dev.collector.compliance.guard.Dialing.aCaseIn;
import static dev.collector.compliance.guard.Dialing.called;
import static dev.collector.compliance.guard.Dialing.check;
import static dev.collector.compliance.guard.Dialing.permitted;
import static dev.collector.compliance.guard.Dialing.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.compliance.ledger.DoNotCallList;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.domain.casework.Case;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One debtor, three debts, two cases: case A is about C-1 (and, from the fourth call on, C-2 as
 * well, added by the CRM), case B about C-3. All calls at 10:00 London time (GMT in early March).
 */
class SevenInSevenTest {

    private static final Case CASE_A_FIRST = aCase("CASE-A", "D-1", LONDON, List.of("C-1"), "+447700900001");
    private static final Case CASE_A = aCase("CASE-A", "D-1", LONDON, List.of("C-1", "C-2"), "+447700900001");
    private static final Case CASE_B = aCaseIn("CAMP-2", "CASE-B", "D-1", LONDON, List.of("C-3"), "+447700900001");

    private static Instant march(int day, String time) {
        return Instant.parse(String.format("2026-03-%02dT%s:00Z", day, time));
    }

    private static ContactRecord sixCallsThenTheSeventh(boolean seventh) {
        ContactRecord record = ContactRecord.empty("D-1");
        record = called(record, CASE_A_FIRST, "a1", march(2, "10:00"));
        record = called(record, CASE_A_FIRST, "a2", march(3, "10:00"));
        record = called(record, CASE_B, "b1", march(3, "15:00"));
        record = called(record, CASE_A_FIRST, "a3", march(4, "10:00"));
        record = called(record, CASE_A, "a4", march(5, "10:00"));
        record = called(record, CASE_A, "a5", march(6, "10:00"));
        record = called(record, CASE_A, "a6", march(7, "10:00"));
        if (seventh) {
            record = called(record, CASE_A, "a7", march(8, "10:00"));
        }
        return record;
    }

    @Test
    void attempts_are_counted_per_debt() {
        ContactRecord record = sixCallsThenTheSeventh(true);

        assertThat(record.attemptsOnDebt("C-1")).hasSize(7);
        assertThat(record.attemptsOnDebt("C-2")).hasSize(4);
        assertThat(record.attemptsOnDebt("C-3")).containsExactly(march(3, "15:00"));
    }

    @Test
    void a_case_may_be_called_while_its_debts_are_below_the_limit() {
        permitted(check(CASE_A, sixCallsThenTheSeventh(false), march(8, "09:00")));
    }

    @Test
    void a_case_is_refused_as_soon_as_one_of_its_debts_is_at_the_limit() {
        Verdict.Refused refused = refused(check(CASE_A, sixCallsThenTheSeventh(true), march(8, "10:30")));

        assertThat(refused.refusals()).containsExactly(Refusal.ofCase(
                "SEVEN_IN_SEVEN",
                "7 attempts on debt C-1 since 2026-03-02T10:00:00Z; limit 7 in 7 days",
                march(9, "10:00")));
        assertThat(refused.retryAt()).isEqualTo(march(9, "10:00"));
    }

    @Test
    void the_debtors_other_case_is_called_while_one_case_is_at_the_limit() {
        assertThat(check(CASE_B, sixCallsThenTheSeventh(true), march(8, "10:30")))
                .isEqualTo(new Verdict.Permitted("+447700900001", List.of()));
    }

    @Test
    void a_case_is_allowed_again_exactly_when_the_oldest_attempt_leaves_the_seven_days() {
        ContactRecord record = sixCallsThenTheSeventh(true);

        refused(check(CASE_A, record, march(9, "09:59").plusSeconds(59)));
        permitted(check(CASE_A, record, march(9, "10:00")));
    }

    @Test
    void a_debt_over_a_lowered_limit_waits_until_enough_attempts_have_left_the_period() {
        CampaignRules threeInSeven = Dialing.RULES.withCountry("GB",
                ContactRules.strictest().withMaxAttempts(3, Duration.ofDays(7)));
        ContactRecord record = sixCallsThenTheSeventh(false); // C-1 has 6 attempts, 02..07 March
        DialRequest request = new DialRequest(CASE_A, march(8, "10:00"), false);

        Verdict.Refused refused = refused(check(request, record, threeInSeven, DoNotCallList.none()));

        // Below 3 once only the attempts of 6 and 7 March are left: when that of 5 March leaves, on 12 March.
        assertThat(refused.retryAt()).isEqualTo(march(12, "10:00"));
        assertThat(refused.refusals().get(0).explanation())
                .isEqualTo("6 attempts on debt C-1 since 2026-03-02T10:00:00Z; limit 3 in 7 days");
    }

    @Test
    void the_limit_is_that_of_the_country_of_the_cases_first_number() {
        CampaignRules threeInUs = Dialing.RULES.withCountry("US",
                ContactRules.strictest().withMaxAttempts(3, Duration.ofDays(7)));
        Case usFirst = aCase("CASE-A", "D-1", LONDON, List.of("C-1", "C-2"), "+12125550100", "+447700900001");
        DialRequest request = new DialRequest(usFirst, march(8, "10:30"), false);

        Verdict.Refused refused = refused(
                check(request, sixCallsThenTheSeventh(false), threeInUs, DoNotCallList.none()));

        assertThat(Dialing.rules(refused)).containsExactly("SEVEN_IN_SEVEN");
        // Under the default of 7 the 6 attempts on C-1 would pass; the US limit of 3 refuses them.
        assertThat(refused.retryAt()).isEqualTo(march(12, "10:00"));
    }
}
