package dev.collector.compliance.guard;

import static dev.collector.compliance.guard.Dialing.NEW_YORK;
import static dev.collector.compliance.guard.Dialing.aCase;
import static dev.collector.compliance.guard.Dialing.check;
import static dev.collector.compliance.guard.Dialing.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.domain.casework.Case;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a refused case is worth looking at again: once the case's reasons and one number's have all lapsed. */
class RetryTimeTest {

    private static final String MOBILE = "+12125550100";
    private static final String HOME = "+12125550199";
    /** 07:00 in New York (EDT): the window opens at 12:00Z. */
    private static final Instant SEVEN_AM = Instant.parse("2026-03-10T11:00:00Z");

    @Test
    void a_case_closed_by_calling_hours_whose_only_number_is_locked_longer_waits_for_the_number() {
        Case oneNumber = aCase("CASE-NY", "D-1", NEW_YORK, List.of("C-1"), MOBILE);
        ContactRecord record = ContactRecord.empty("D-1").withAbandon(MOBILE, Instant.parse("2026-03-07T14:00:00Z"));

        Verdict.Refused refused = refused(check(oneNumber, record, SEVEN_AM));

        assertThat(Dialing.rules(refused)).containsExactly("CALLING_HOURS", "ABANDON_LOCKOUT");
        assertThat(refused.retryAt()).isEqualTo(Instant.parse("2026-03-10T14:00:00Z"));
    }

    @Test
    void a_case_closed_by_calling_hours_with_a_free_number_waits_only_for_the_window() {
        Case twoNumbers = aCase("CASE-NY", "D-1", NEW_YORK, List.of("C-1"), MOBILE, HOME);
        ContactRecord record = ContactRecord.empty("D-1").withAbandon(MOBILE, Instant.parse("2026-03-07T14:00:00Z"));

        Verdict.Refused refused = refused(check(twoNumbers, record, SEVEN_AM));

        assertThat(Dialing.rules(refused)).containsExactly("CALLING_HOURS");
        assertThat(refused.retryAt()).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
    }

    @Test
    void the_case_reason_that_lapses_last_decides_over_an_earlier_number() {
        Case oneNumber = aCase("CASE-NY", "D-1", NEW_YORK, List.of("C-1"), MOBILE);
        ContactRecord record = ContactRecord.empty("D-1")
                .withAbandon(MOBILE, Instant.parse("2026-03-07T14:00:00Z"))
                .withConversation(List.of("C-1"), Instant.parse("2026-03-09T15:00:00Z"));

        Verdict.Refused refused = refused(check(oneNumber, record, SEVEN_AM));

        assertThat(Dialing.rules(refused)).containsExactly("CONVERSATION_QUIET_PERIOD", "CALLING_HOURS", "ABANDON_LOCKOUT");
        assertThat(refused.retryAt()).isEqualTo(Instant.parse("2026-03-16T15:00:00Z"));
    }

    @Test
    void a_policy_that_refuses_with_a_lapse_in_the_past_never_makes_the_retry_earlier_than_now() {
        // A faulty policy stands in for a bug; the guard must still not ask to be asked in the past.
        ComplianceGuard faulty = new ComplianceGuard(
                List.of(context -> Optional.of(Refusal.ofCase("FAULTY", "lapsed an hour ago",
                        context.now().minusSeconds(3600)))),
                List.of());
        Case oneNumber = aCase("CASE-NY", "D-1", NEW_YORK, List.of("C-1"), MOBILE);

        Verdict.Refused refused = refused(faulty.check(new DialRequest(oneNumber, SEVEN_AM, false),
                ContactRecord.empty("D-1"), Dialing.RULES, dev.collector.compliance.ledger.DoNotCallList.none()));

        assertThat(refused.retryAt()).isEqualTo(SEVEN_AM);
    }
}
