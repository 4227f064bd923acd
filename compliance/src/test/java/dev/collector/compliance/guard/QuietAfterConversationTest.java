package dev.collector.compliance.guard;

import static dev.collector.compliance.guard.Dialing.LONDON;
import static dev.collector.compliance.guard.Dialing.aCase;
import static dev.collector.compliance.guard.Dialing.aCaseIn;
import static dev.collector.compliance.guard.Dialing.check;
import static dev.collector.compliance.guard.Dialing.checkCallback;
import static dev.collector.compliance.guard.Dialing.permitted;
import static dev.collector.compliance.guard.Dialing.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.domain.casework.Case;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuietAfterConversationTest {

    private static final Case CASE_A = aCase("CASE-A", "D-1", LONDON, List.of("C-1", "C-2"), "+447700900001");
    private static final Case CASE_B = aCaseIn("CAMP-2", "CASE-B", "D-1", LONDON, List.of("C-3"), "+447700900001");
    private static final Instant TALKED = Instant.parse("2026-03-03T11:00:00Z");
    private static final ContactRecord TALKED_ABOUT_C1 = ContactRecord.empty("D-1").withConversation(List.of("C-1"), TALKED);

    @Test
    void no_call_about_a_debt_for_seven_days_after_a_conversation_about_it() {
        Verdict.Refused refused = refused(check(CASE_A, TALKED_ABOUT_C1, Instant.parse("2026-03-03T12:00:00Z")));

        assertThat(refused.refusals()).containsExactly(Refusal.ofCase(
                "CONVERSATION_QUIET_PERIOD",
                "conversation about debt C-1 at 2026-03-03T11:00:00Z; no call about it for 7 days"
                        + " unless the debtor asks for one",
                Instant.parse("2026-03-10T11:00:00Z")));
        assertThat(refused.retryAt()).isEqualTo(Instant.parse("2026-03-10T11:00:00Z"));
    }

    @Test
    void the_quiet_period_ends_exactly_seven_days_after_the_conversation() {
        refused(check(CASE_A, TALKED_ABOUT_C1, Instant.parse("2026-03-10T10:59:59Z")));
        permitted(check(CASE_A, TALKED_ABOUT_C1, Instant.parse("2026-03-10T11:00:00Z")));
    }

    @Test
    void a_debt_not_discussed_may_still_be_called_about() {
        permitted(check(CASE_B, TALKED_ABOUT_C1, Instant.parse("2026-03-03T12:00:00Z")));
    }

    @Test
    void a_conversation_about_several_debts_counts_for_each() {
        ContactRecord record = ContactRecord.empty("D-1").withConversation(List.of("C-2", "C-3"), TALKED);
        Instant now = Instant.parse("2026-03-05T12:00:00Z");

        assertThat(Dialing.rules(refused(check(CASE_A, record, now)))).containsExactly("CONVERSATION_QUIET_PERIOD");
        assertThat(Dialing.rules(refused(check(CASE_B, record, now)))).containsExactly("CONVERSATION_QUIET_PERIOD");
    }

    @Test
    void a_callback_the_debtor_asked_for_is_not_held_back_by_the_quiet_period() {
        assertThat(checkCallback(CASE_A, TALKED_ABOUT_C1, Instant.parse("2026-03-04T15:00:00Z")))
                .isEqualTo(new Verdict.Permitted("+447700900001", List.of()));
    }

    @Test
    void a_callback_the_debtor_asked_for_still_keeps_to_calling_hours() {
        Verdict.Refused refused = refused(checkCallback(CASE_A, TALKED_ABOUT_C1, Instant.parse("2026-03-04T21:30:00Z")));

        assertThat(Dialing.rules(refused)).containsExactly("CALLING_HOURS");
    }

    @Test
    void the_latest_conversation_starts_the_quiet_period() {
        ContactRecord record = TALKED_ABOUT_C1.withConversation(List.of("C-1"), Instant.parse("2026-03-05T16:00:00Z"));

        assertThat(refused(check(CASE_A, record, Instant.parse("2026-03-11T12:00:00Z"))).retryAt())
                .isEqualTo(Instant.parse("2026-03-12T16:00:00Z"));
    }
}
