package dev.collector.crmbridge.feed;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import com.google.type.Decimal;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.protos.v1.AttemptEnded;
import dev.collector.protos.v1.CallResult;
import dev.collector.protos.v1.OutcomeEvent;
import dev.collector.protos.v1.OutcomeRecorded;
import dev.collector.protos.v1.PromiseToPay;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Domain events as the CRM sees them on the wire (without a cursor: the feed assigns it). Public
 * for the case history, which shows the same attempts and outcomes the feed reported.
 */
public final class OutcomeEvents {

    private OutcomeEvents() {
    }

    public static OutcomeEvent attemptEnded(CallAttempt attempt) {
        AttemptEnded.Builder ended = AttemptEnded.newBuilder()
                .setAttemptId(attempt.attemptId())
                .setCaseId(attempt.caseId())
                .setCampaignId(attempt.campaignId())
                .setPhoneNumber(attempt.phoneNumber())
                .setAgentId(attempt.agentId().orElse(""))
                .setDialedAt(timestamp(attempt.dialedAt()))
                .setEndedAt(timestamp(attempt.endedAt()))
                .setResult(result(attempt.result()))
                .setHangupCause(attempt.hangupCause());
        attempt.answeredAt().ifPresent(answered -> ended.setAnsweredAt(timestamp(answered)));
        return OutcomeEvent.newBuilder()
                .setOccurredAt(timestamp(attempt.endedAt()))
                .setAttemptEnded(ended)
                .build();
    }

    public static OutcomeEvent outcomeRecorded(Outcome outcome) {
        OutcomeRecorded.Builder recorded = OutcomeRecorded.newBuilder()
                .setAttemptId(outcome.attemptId())
                .setCaseId(outcome.caseId())
                .setCampaignId(outcome.campaignId())
                .setDebtorId(outcome.debtorId())
                .setAgentId(outcome.agentId())
                .setNotes(outcome.notes())
                .setRecordedAt(timestamp(outcome.recordedAt()));
        Disposition disposition = outcome.disposition();
        if (disposition instanceof Disposition.PromiseToPay promise) {
            recorded.setDisposition(dev.collector.protos.v1.Disposition.DISPOSITION_PROMISE_TO_PAY)
                    .setPromise(PromiseToPay.newBuilder()
                            .setAmount(Decimal.newBuilder().setValue(promise.amount().toPlainString()))
                            .setPromisedFor(date(promise.promisedFor()))
                            .setChannel(channel(promise.channel())));
        } else if (disposition instanceof Disposition.PaymentTaken payment) {
            recorded.setDisposition(dev.collector.protos.v1.Disposition.DISPOSITION_PAYMENT_TAKEN)
                    .setPayment(dev.collector.protos.v1.PaymentTaken.newBuilder()
                            .setAmount(Decimal.newBuilder().setValue(payment.amount().toPlainString()))
                            .setChannel(channel(payment.channel())));
        } else if (disposition instanceof Disposition.ThirdParty) {
            recorded.setDisposition(dev.collector.protos.v1.Disposition.DISPOSITION_THIRD_PARTY);
        } else if (disposition instanceof Disposition.Deceased) {
            recorded.setDisposition(dev.collector.protos.v1.Disposition.DISPOSITION_DECEASED);
        } else if (disposition instanceof Disposition.CeaseContact) {
            recorded.setDisposition(dev.collector.protos.v1.Disposition.DISPOSITION_CEASE_CONTACT);
        } else if (disposition instanceof Disposition.Refused) {
            recorded.setDisposition(dev.collector.protos.v1.Disposition.DISPOSITION_REFUSED);
        } else if (disposition instanceof Disposition.WrongParty) {
            recorded.setDisposition(dev.collector.protos.v1.Disposition.DISPOSITION_WRONG_PARTY);
        } else if (disposition instanceof Disposition.NoContact) {
            recorded.setDisposition(dev.collector.protos.v1.Disposition.DISPOSITION_NO_CONTACT);
        } else if (disposition instanceof Disposition.CallbackRequested callback) {
            recorded.setDisposition(dev.collector.protos.v1.Disposition.DISPOSITION_CALLBACK_REQUESTED)
                    .setCallbackAt(timestamp(callback.at()));
        } else if (disposition instanceof Disposition.Disputed) {
            recorded.setDisposition(dev.collector.protos.v1.Disposition.DISPOSITION_DISPUTED);
        } else {
            throw new IllegalArgumentException("no wire form for disposition " + disposition.code());
        }
        return OutcomeEvent.newBuilder()
                .setOccurredAt(timestamp(outcome.recordedAt()))
                .setOutcomeRecorded(recorded)
                .build();
    }

    static String campaignOf(OutcomeEvent event) {
        return switch (event.getEventCase()) {
            case ATTEMPT_ENDED -> event.getAttemptEnded().getCampaignId();
            case OUTCOME_RECORDED -> event.getOutcomeRecorded().getCampaignId();
            case EVENT_NOT_SET -> "";
        };
    }

    private static dev.collector.protos.v1.PaymentChannel channel(dev.collector.domain.outcome.PaymentChannel channel) {
        return switch (channel) {
            case NOT_STATED -> dev.collector.protos.v1.PaymentChannel.PAYMENT_CHANNEL_UNSPECIFIED;
            case BANK_TRANSFER -> dev.collector.protos.v1.PaymentChannel.PAYMENT_CHANNEL_BANK_TRANSFER;
            case CARD -> dev.collector.protos.v1.PaymentChannel.PAYMENT_CHANNEL_CARD;
            case DIRECT_DEBIT -> dev.collector.protos.v1.PaymentChannel.PAYMENT_CHANNEL_DIRECT_DEBIT;
            case CASH -> dev.collector.protos.v1.PaymentChannel.PAYMENT_CHANNEL_CASH;
        };
    }

    private static CallResult result(dev.collector.domain.call.CallResult result) {
        return switch (result) {
            case ANSWERED -> CallResult.CALL_RESULT_ANSWERED;
            case ABANDONED -> CallResult.CALL_RESULT_ABANDONED;
            case BUSY -> CallResult.CALL_RESULT_BUSY;
            case NO_ANSWER -> CallResult.CALL_RESULT_NO_ANSWER;
            case MACHINE -> CallResult.CALL_RESULT_MACHINE;
            case CONGESTION -> CallResult.CALL_RESULT_CONGESTION;
            case FAILED -> CallResult.CALL_RESULT_FAILED;
        };
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static Date date(LocalDate date) {
        return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth())
                .build();
    }
}
