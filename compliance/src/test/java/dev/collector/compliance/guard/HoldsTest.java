package dev.collector.compliance.guard;

import static dev.collector.compliance.guard.Dialing.LONDON;
import static dev.collector.compliance.guard.Dialing.aCase;
import static dev.collector.compliance.guard.Dialing.aCaseIn;
import static dev.collector.compliance.guard.Dialing.check;
import static dev.collector.compliance.guard.Dialing.permitted;
import static dev.collector.compliance.guard.Dialing.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.domain.casework.Case;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HoldsTest {

    private static final Case CASE_A = aCase("CASE-A", "D-1", LONDON, List.of("C-1", "C-2"), "+447700900001");
    private static final Case CASE_B = aCaseIn("CAMP-2", "CASE-B", "D-1", LONDON, List.of("C-3"), "+447700900001");

    private static Instant at(String time) {
        return Instant.parse("2026-03-03T" + time + ":00Z");
    }

    @ParameterizedTest
    @EnumSource(value = HoldReason.class, names = {"CEASE_CONTACT", "DECEASED", "BANKRUPTCY"})
    void a_debtor_hold_placed_mid_day_stops_dialing_until_it_is_lifted(HoldReason reason) {
        ContactRecord record = ContactRecord.empty("D-1");
        permitted(check(CASE_A, record, at("10:00")));

        record = record.withHold(new Hold(reason, "D-1", "agent-7", at("11:30")));
        Verdict.Refused refused = refused(check(CASE_A, record, at("11:45")));
        assertThat(Dialing.rules(refused)).containsExactly(reason.name());
        assertThat(refused.held()).isTrue();
        assertThat(refused.refusals().get(0).lasting()).isTrue();
        assertThat(refused.refusals().get(0).explanation())
                .isEqualTo("debtor D-1 is on hold (" + reason + " placed by agent-7 at 2026-03-03T11:30:00Z);"
                        + " no call until lifted");
        assertThat(Dialing.rules(refused(check(CASE_B, record, at("11:45"))))).containsExactly(reason.name());

        record = record.withoutHold(reason, "D-1");
        permitted(check(CASE_A, record, at("14:15")));
    }

    @Test
    void a_dispute_on_one_debt_holds_its_whole_case_but_not_the_debtors_other_case() {
        ContactRecord record = ContactRecord.empty("D-1")
                .withHold(new Hold(HoldReason.DISPUTE_OPEN, "C-2", "crm", at("09:00")));

        Verdict.Refused refused = refused(check(CASE_A, record, at("10:00")));
        assertThat(refused.refusals()).containsExactly(Refusal.ofCase(
                "DISPUTE_OPEN",
                "debt C-2 disputed since 2026-03-03T09:00:00Z (crm); a dispute on one debt holds case CASE-A"
                        + " until it is closed",
                Instant.MAX));
        assertThat(refused.held()).isTrue();
        permitted(check(CASE_B, record, at("10:00")));

        permitted(check(CASE_A, record.withoutHold(HoldReason.DISPUTE_OPEN, "C-2"), at("16:00")));
    }

    @Test
    void every_reason_is_reported_not_just_the_first() {
        ContactRecord record = ContactRecord.empty("D-1")
                .withHold(new Hold(HoldReason.CEASE_CONTACT, "D-1", "crm", at("09:00")))
                .withHold(new Hold(HoldReason.DISPUTE_OPEN, "C-1", "crm", at("09:00")));

        Verdict.Refused refused = refused(check(CASE_A, record, at("22:00")));

        assertThat(Dialing.rules(refused)).containsExactly("CEASE_CONTACT", "DISPUTE_OPEN", "CALLING_HOURS");
        assertThat(refused.retryAt()).isEqualTo(Instant.MAX);
    }

    @Test
    void lifting_one_of_two_debtor_holds_leaves_the_other_in_force() {
        ContactRecord record = ContactRecord.empty("D-1")
                .withHold(new Hold(HoldReason.BANKRUPTCY, "D-1", "crm", at("09:00")))
                .withHold(new Hold(HoldReason.CEASE_CONTACT, "D-1", "crm", at("10:00")))
                .withoutHold(HoldReason.CEASE_CONTACT, "D-1");

        assertThat(Dialing.rules(refused(check(CASE_A, record, at("11:00"))))).containsExactly("BANKRUPTCY");
    }
}
