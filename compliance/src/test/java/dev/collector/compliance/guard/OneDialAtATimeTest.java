package dev.collector.compliance.guard;

import static dev.collector.compliance.guard.Dialing.LONDON;
import static dev.collector.compliance.guard.Dialing.aCase;
import static dev.collector.compliance.guard.Dialing.aCaseIn;
import static dev.collector.compliance.guard.Dialing.check;
import static dev.collector.compliance.guard.Dialing.permitted;
import static dev.collector.compliance.guard.Dialing.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.compliance.ledger.ActiveDial;
import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.domain.casework.Case;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneDialAtATimeTest {

    private static final Case CASE_A = aCase("CASE-A", "D-1", LONDON, List.of("C-1"), "+447700900001");
    private static final Case CASE_B = aCaseIn("CAMP-2", "CASE-B", "D-1", LONDON, List.of("C-3"), "+447700900002");
    private static final Instant STARTED = Instant.parse("2026-03-03T10:00:00Z");
    private static final Instant NOW = STARTED.plusSeconds(30);
    private static final ContactRecord CALLING_ABOUT_B = ContactRecord.empty("D-1")
            .withDialStarted(new ActiveDial("att-7", "CASE-B", "CAMP-2", "node-2", STARTED), List.of("C-3"));

    @Test
    void a_debtor_being_called_in_one_campaign_is_not_called_in_another() {
        Verdict.Refused refused = refused(check(CASE_A, CALLING_ABOUT_B, NOW));

        assertThat(refused.refusals()).containsExactly(Refusal.ofCase(
                "DEBTOR_BEING_CALLED",
                "debtor D-1 is being called since 2026-03-03T10:00:00Z (attempt att-7 on case CASE-B in campaign CAMP-2);"
                        + " one call at a time",
                NOW.plusSeconds(60)));
        assertThat(refused.retryAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void the_same_case_is_not_dialed_twice_at_once() {
        assertThat(Dialing.rules(refused(check(CASE_B, CALLING_ABOUT_B, NOW)))).containsExactly("DEBTOR_BEING_CALLED");
    }

    @Test
    void the_end_of_another_attempt_does_not_free_the_debtor() {
        assertThat(Dialing.rules(refused(check(CASE_A, CALLING_ABOUT_B.withDialEnded("att-6"), NOW))))
                .containsExactly("DEBTOR_BEING_CALLED");
    }

    @Test
    void the_debtor_may_be_called_again_once_the_call_ends() {
        permitted(check(CASE_A, CALLING_ABOUT_B.withDialEnded("att-7"), NOW.plusSeconds(120)));
    }
}
