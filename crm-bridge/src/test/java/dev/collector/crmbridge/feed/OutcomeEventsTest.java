package dev.collector.crmbridge.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.domain.outcome.PaymentChannel;
import dev.collector.protos.v1.OutcomeRecorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The wire form of each disposition, as the CRM reads it from the outcome feed. */
class OutcomeEventsTest {

    static final Instant RECORDED = Instant.parse("2026-11-23T09:02:00Z");

    @Test
    void aRequestedCallbackCarriesTheTimeTheDebtorAskedFor() {
        Instant at = Instant.parse("2026-11-23T15:30:00.250Z");

        OutcomeRecorded recorded = OutcomeEvents.outcomeRecorded(outcome(new Disposition.CallbackRequested(at)))
                .getOutcomeRecorded();

        assertThat(recorded.getDisposition())
                .isEqualTo(dev.collector.protos.v1.Disposition.DISPOSITION_CALLBACK_REQUESTED);
        assertThat(recorded.hasCallbackAt()).isTrue();
        assertThat(recorded.getCallbackAt().getSeconds()).isEqualTo(at.getEpochSecond());
        assertThat(recorded.getCallbackAt().getNanos()).isEqualTo(at.getNano());
        assertThat(recorded.hasPromise()).isFalse();
    }

    @Test
    void aDisputeIsSentWithoutCallbackTimeOrPromise() {
        OutcomeRecorded recorded = OutcomeEvents.outcomeRecorded(outcome(new Disposition.Disputed()))
                .getOutcomeRecorded();

        assertThat(recorded.getDisposition()).isEqualTo(dev.collector.protos.v1.Disposition.DISPOSITION_DISPUTED);
        assertThat(recorded.hasCallbackAt()).isFalse();
        assertThat(recorded.hasPromise()).isFalse();
    }

    @Test
    void onlyACallbackSetsTheCallbackTime() {
        OutcomeRecorded promise = OutcomeEvents.outcomeRecorded(outcome(
                        new Disposition.PromiseToPay(new BigDecimal("150.00"), LocalDate.of(2026, 12, 1))))
                .getOutcomeRecorded();
        OutcomeRecorded refused = OutcomeEvents.outcomeRecorded(outcome(new Disposition.Refused()))
                .getOutcomeRecorded();

        assertThat(promise.hasCallbackAt()).isFalse();
        assertThat(refused.hasCallbackAt()).isFalse();
    }

    @Test
    void aPromiseCarriesItsPaymentChannelAndAPaymentTakenItsAmountAndChannel() {
        OutcomeRecorded promise = OutcomeEvents.outcomeRecorded(outcome(new Disposition.PromiseToPay(
                new BigDecimal("150.00"), LocalDate.of(2026, 12, 1), PaymentChannel.DIRECT_DEBIT))).getOutcomeRecorded();
        OutcomeRecorded paid = OutcomeEvents.outcomeRecorded(outcome(new Disposition.PaymentTaken(
                new BigDecimal("40.00"), PaymentChannel.CARD))).getOutcomeRecorded();
        OutcomeRecorded legacy = OutcomeEvents.outcomeRecorded(outcome(new Disposition.PromiseToPay(
                new BigDecimal("150.00"), LocalDate.of(2026, 12, 1)))).getOutcomeRecorded();

        assertThat(promise.getPromise().getChannel())
                .isEqualTo(dev.collector.protos.v1.PaymentChannel.PAYMENT_CHANNEL_DIRECT_DEBIT);
        assertThat(paid.getDisposition()).isEqualTo(dev.collector.protos.v1.Disposition.DISPOSITION_PAYMENT_TAKEN);
        assertThat(paid.getPayment().getAmount().getValue()).isEqualTo("40.00");
        assertThat(paid.getPayment().getChannel()).isEqualTo(dev.collector.protos.v1.PaymentChannel.PAYMENT_CHANNEL_CARD);
        assertThat(paid.hasPromise()).isFalse();
        assertThat(legacy.getPromise().getChannel())
                .isEqualTo(dev.collector.protos.v1.PaymentChannel.PAYMENT_CHANNEL_UNSPECIFIED);
    }

    @Test
    void thirdPartyDeceasedAndCeaseContactEachHaveTheirOwnWireValue() {
        assertThat(OutcomeEvents.outcomeRecorded(outcome(new Disposition.ThirdParty())).getOutcomeRecorded()
                .getDisposition()).isEqualTo(dev.collector.protos.v1.Disposition.DISPOSITION_THIRD_PARTY);
        assertThat(OutcomeEvents.outcomeRecorded(outcome(new Disposition.Deceased())).getOutcomeRecorded()
                .getDisposition()).isEqualTo(dev.collector.protos.v1.Disposition.DISPOSITION_DECEASED);
        assertThat(OutcomeEvents.outcomeRecorded(outcome(new Disposition.CeaseContact())).getOutcomeRecorded()
                .getDisposition()).isEqualTo(dev.collector.protos.v1.Disposition.DISPOSITION_CEASE_CONTACT);
    }

    private static Outcome outcome(Disposition disposition) {
        return new Outcome("attempt-1", "case-1", "campaign-1", "debtor-1", "agent-7", disposition, "", RECORDED);
    }
}
