package dev.collector.dialer.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.dialer.call.LiveCall.Step;
import dev.collector.domain.agent.Agent;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event orders as captured from Asterisk 22 (shared/asterisk/ami-run1.log). */
class LiveCallTest {

    private static final String ID = "attempt-1";
    private final Instant t0 = Instant.parse("2026-11-23T09:00:00Z");
    private final LiveCall call = new LiveCall(ID, aCase(), "+420601000001",
            new Agent("a1", "Anna", "Local/101@agents"), t0);

    @Test
    void busyEndsOnTheOriginateResponseThatFollowsTheLegHangup() {
        assertThat(call.apply(new CallSignal.HungUp(ID, 0), t0.plusMillis(200))).isEqualTo(Step.NOTHING);
        assertThat(call.apply(new CallSignal.OriginateFinished(ID, 5, "Local/420601000001@debtors"), t0.plusMillis(210)))
                .isEqualTo(Step.ENDED);

        CallAttempt attempt = call.toAttempt();
        assertThat(attempt.result()).isEqualTo(CallResult.BUSY);
        assertThat(attempt.hangupCause()).isEqualTo(17);
        assertThat(attempt.agentId()).isEmpty();
        assertThat(attempt.answeredAt()).isEmpty();
    }

    @Test
    void congestionEndsOnTheOriginateResponseEvenBeforeAnyHangup() {
        assertThat(call.apply(new CallSignal.OriginateFinished(ID, 8, "Local/x@debtors"), t0.plusMillis(100)))
                .isEqualTo(Step.ENDED);
        assertThat(call.apply(new CallSignal.HungUp(ID, 0), t0.plusMillis(110))).isEqualTo(Step.NOTHING);
        assertThat(call.toAttempt().result()).isEqualTo(CallResult.CONGESTION);
        assertThat(call.toAttempt().hangupCause()).isEqualTo(34);
    }

    @Test
    void noAnswerKeepsTheCauseOfTheLegHangup() {
        call.apply(new CallSignal.Ringing(ID), t0);
        call.apply(new CallSignal.OriginateFinished(ID, 3, "Local/x@debtors"), t0.plusSeconds(25));
        assertThat(call.toAttempt().result()).isEqualTo(CallResult.NO_ANSWER);
        assertThat(call.toAttempt().hangupCause()).isEqualTo(19);
        assertThat(call.toAttempt().ringTime()).hasSeconds(25);
    }

    @Test
    void anAnsweredCallIsConnectedThenEndsWhenTheDebtorHangsUp() {
        assertThat(call.apply(new CallSignal.OriginateFinished(ID, 4, "Local/x@debtors-00000000;1"), t0.plusSeconds(5)))
                .isEqualTo(Step.NOTHING);
        assertThat(call.apply(new CallSignal.Bridged(ID), t0.plusSeconds(5))).isEqualTo(Step.CONNECTED_TO_AGENT);
        assertThat(call.apply(new CallSignal.HungUp(ID, 16), t0.plusSeconds(65))).isEqualTo(Step.ENDED);

        CallAttempt attempt = call.toAttempt();
        assertThat(attempt.result()).isEqualTo(CallResult.ANSWERED);
        assertThat(attempt.agentId()).contains("a1");
        assertThat(attempt.talkTime()).hasSeconds(60);
        assertThat(attempt.hangupCause()).isEqualTo(16);
    }

    @Test
    void anAnsweredCallThatNeverReachedTheAgentIsAbandoned() {
        call.apply(new CallSignal.OriginateFinished(ID, 4, "Local/x@debtors-00000000;1"), t0.plusSeconds(3));
        assertThat(call.apply(new CallSignal.HungUp(ID, 16), t0.plusSeconds(10))).isEqualTo(Step.ENDED);
        assertThat(call.toAttempt().result()).isEqualTo(CallResult.ABANDONED);
    }

    @Test
    void signalsAfterTheEndChangeNothing() {
        call.apply(new CallSignal.Rejected(ID, "Originate failed"), t0);
        assertThat(call.apply(new CallSignal.Bridged(ID), t0.plusSeconds(1))).isEqualTo(Step.NOTHING);
        assertThat(call.toAttempt().result()).isEqualTo(CallResult.FAILED);
    }

    private static Case aCase() {
        return new Case("case-1", "demo", new Debtor("d-1", "Jana Novak"),
                List.of(new Claim("cl-1", new BigDecimal("250.00"), "EUR", LocalDate.of(2026, 9, 1))),
                List.of("+420601000001"), ZoneId.of("Europe/Prague"), 5, Instant.parse("2026-11-23T08:00:00Z"));
    }
}
