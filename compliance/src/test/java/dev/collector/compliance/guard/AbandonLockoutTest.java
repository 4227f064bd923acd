package dev.collector.compliance.guard;

import static dev.collector.compliance.guard.Dialing.LONDON;
import static dev.collector.compliance.guard.Dialing.aCase;
import static dev.collector.compliance.guard.Dialing.check;
import static dev.collector.compliance.guard.Dialing.permitted;
import static dev.collector.compliance.guard.Dialing.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.domain.casework.Case;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbandonLockoutTest {

    private static final String MOBILE = "+447700900001";
    private static final String LANDLINE = "+442079460000";
    private static final Instant ABANDONED = Instant.parse("2026-03-02T11:00:00Z");
    private static final ContactRecord RECORD = ContactRecord.empty("D-1").withAbandon(MOBILE, ABANDONED);

    @Test
    void a_number_is_not_called_again_for_72_hours_after_an_abandoned_call() {
        Case oneNumber = aCase("CASE-A", "D-1", LONDON, List.of("C-1"), MOBILE);

        Verdict.Refused refused = refused(check(oneNumber, RECORD, Instant.parse("2026-03-05T10:59:59Z")));

        assertThat(refused.refusals()).containsExactly(Refusal.ofNumber(
                "ABANDON_LOCKOUT",
                MOBILE,
                "call to " + MOBILE + " abandoned at 2026-03-02T11:00:00Z; no repeat call for 72 hours",
                Instant.parse("2026-03-05T11:00:00Z")));
        assertThat(refused.retryAt()).isEqualTo(Instant.parse("2026-03-05T11:00:00Z"));
        permitted(check(oneNumber, RECORD, Instant.parse("2026-03-05T11:00:00Z")));
    }

    @Test
    void the_debtors_other_number_may_be_called_during_the_lockout() {
        Case twoNumbers = aCase("CASE-A", "D-1", LONDON, List.of("C-1"), MOBILE, LANDLINE);

        Verdict.Permitted permitted = permitted(check(twoNumbers, RECORD, Instant.parse("2026-03-03T10:00:00Z")));

        assertThat(permitted.phoneNumber()).isEqualTo(LANDLINE);
        assertThat(permitted.skipped()).extracting(Refusal::rule).containsExactly("ABANDON_LOCKOUT");
    }

    @Test
    void the_latest_abandon_starts_the_lockout() {
        Case oneNumber = aCase("CASE-A", "D-1", LONDON, List.of("C-1"), MOBILE);
        ContactRecord again = RECORD.withAbandon(MOBILE, Instant.parse("2026-03-04T09:00:00Z"))
                .withAbandon(MOBILE, Instant.parse("2026-03-03T09:00:00Z"));

        assertThat(refused(check(oneNumber, again, Instant.parse("2026-03-05T12:00:00Z"))).retryAt())
                .isEqualTo(Instant.parse("2026-03-07T09:00:00Z"));
    }
}
