package dev.collector.casequeue.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.PaymentChannel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    static final Instant NOW = Instant.parse("2026-03-27T15:00:00Z");
    final RetrySchedule schedule = RetrySchedule.standard();

    @Test
    void busy_lines_are_tried_again_sooner_than_unanswered_phones() {
        assertThat(schedule.afterCall(1, CallResult.BUSY, NOW)).isEqualTo(new NextStep.Retry(NOW.plus(Duration.ofMinutes(20)), "retry after BUSY", false));
        assertThat(schedule.afterCall(1, CallResult.NO_ANSWER, NOW)).isEqualTo(new NextStep.Retry(NOW.plus(Duration.ofHours(3)), "retry after NO_ANSWER", false));
    }

    @Test
    void a_case_is_closed_once_its_attempts_are_spent_but_a_promise_and_a_callback_are_still_followed() {
        Case aCase = aCase();
        assertThat(schedule.afterCall(30, CallResult.NO_ANSWER, NOW)).isInstanceOf(NextStep.Close.class);
        assertThat(schedule.afterDisposition(aCase, 30, new Disposition.Refused(), NOW)).isInstanceOf(NextStep.Close.class);
        assertThat(schedule.afterDisposition(aCase, 30, new Disposition.CallbackRequested(NOW.plusSeconds(3600)), NOW))
                .isEqualTo(new NextStep.Retry(NOW.plusSeconds(3600), "callback requested", true));
        assertThat(schedule.afterDisposition(aCase, 30,
                new Disposition.PromiseToPay(BigDecimal.TEN, LocalDate.of(2026, 3, 28)), NOW)).isInstanceOf(NextStep.Retry.class);
    }

    @Test
    void a_promise_is_followed_up_at_ten_in_the_morning_debtor_time_across_a_dst_change() {
        // Due Saturday 28 March; Prague moves to summer time in the night to Sunday 29 March.
        NextStep step = schedule.afterDisposition(aCase(), 1,
                new Disposition.PromiseToPay(BigDecimal.TEN, LocalDate.of(2026, 3, 28)), NOW);
        assertThat(step).isEqualTo(new NextStep.Retry(Instant.parse("2026-03-29T08:00:00Z"), "promise follow-up", false));
    }

    @Test
    void a_dispute_holds_the_case() {
        assertThat(schedule.afterDisposition(aCase(), 1, new Disposition.Disputed(), NOW)).isEqualTo(new NextStep.Hold("DISPUTE_OPEN"));
    }

    @Test
    void a_payment_of_everything_due_holds_the_case_until_the_crm_books_it_whatever_the_attempts() {
        // aCase() owes 10.00
        assertThat(schedule.afterDisposition(aCase(), 1, new Disposition.PaymentTaken(new BigDecimal("10.00"),
                PaymentChannel.CARD), NOW)).isEqualTo(new NextStep.Hold(RetrySchedule.PAID_AWAITING_CRM));
        assertThat(schedule.afterDisposition(aCase(), 30, new Disposition.PaymentTaken(new BigDecimal("10.00"),
                PaymentChannel.CARD), NOW)).isEqualTo(new NextStep.Hold("PAID_IN_FULL_AWAITING_CRM"));
    }

    @Test
    void a_partial_payment_is_followed_up_after_its_own_period_not_the_no_contact_cadence() {
        NextStep step = schedule.afterDisposition(aCase(), 1, new Disposition.PaymentTaken(new BigDecimal("4.00"),
                PaymentChannel.BANK_TRANSFER), NOW);
        assertThat(step).isEqualTo(new NextStep.Retry(NOW.plus(Duration.ofDays(14)), "partial payment: the rest to arrange",
                false));
        RetrySchedule weekly = schedule.withAfterPartialPayment(Duration.ofDays(7));
        assertThat(weekly.afterDisposition(aCase(), 1, new Disposition.PaymentTaken(BigDecimal.ONE, PaymentChannel.CASH), NOW))
                .isEqualTo(new NextStep.Retry(NOW.plus(Duration.ofDays(7)), "partial payment: the rest to arrange", false));
        assertThat(schedule.afterDisposition(aCase(), 30, new Disposition.PaymentTaken(BigDecimal.ONE, PaymentChannel.CASH),
                NOW)).isInstanceOf(NextStep.Close.class);
    }

    @Test
    void a_message_left_with_a_third_party_is_followed_by_a_call_the_next_day_at_another_hour() {
        NextStep step = schedule.afterDisposition(aCase(), 1, new Disposition.ThirdParty(), NOW);
        assertThat(step).isEqualTo(new NextStep.Retry(NOW.plus(Duration.ofHours(27)), "third party took a message", false));
        Instant thirdParty = ((NextStep.Retry) step).at();
        Instant noContact = ((NextStep.Retry) schedule.afterDisposition(aCase(), 1, new Disposition.NoContact(), NOW)).at();
        Instant refusal = ((NextStep.Retry) schedule.afterDisposition(aCase(), 1, new Disposition.Refused(), NOW)).at();
        assertThat(thirdParty).isAfter(noContact).isBefore(refusal);
        // not the hour the debtor was out at
        assertThat(thirdParty.atZone(aCase().timeZone()).getHour()).isNotEqualTo(NOW.atZone(aCase().timeZone()).getHour());
        assertThat(schedule.withAfterThirdParty(Duration.ofHours(20)).afterDisposition(aCase(), 1,
                new Disposition.ThirdParty(), NOW)).isEqualTo(new NextStep.Retry(NOW.plus(Duration.ofHours(20)),
                "third party took a message", false));
    }

    @Test
    void a_delay_that_is_not_positive_is_refused_naming_it() {
        assertThatThrownBy(() -> schedule.withAfterThirdParty(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("afterThirdParty");
        assertThatThrownBy(() -> schedule.withAfterPartialPayment(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("afterPartialPayment");
    }

    private static Case aCase() {
        return new Case("c-1", "camp", new Debtor("d-1", "Jana"),
                List.of(new Claim("cl-1", BigDecimal.TEN, "CZK", LocalDate.of(2026, 1, 1))),
                List.of("+420601000001"), ZoneId.of("Europe/Prague"), 1, NOW);
    }
}
