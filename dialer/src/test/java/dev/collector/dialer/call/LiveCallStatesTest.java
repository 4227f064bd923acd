package dev.collector.dialer.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.dialer.call.LiveCall.Step;
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

/** The states a call goes through, with machine detection, and its end when a lost session hid it. */
class LiveCallStatesTest {

    private static final String ID = "attempt-1";
    private static final String LEG = "Local/420601000001@debtors-00000000;1";
    private final Instant t0 = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void withDetectionAPickUpWaitsForTheVerdictBeforeItCountsAsAnswered() {
        LiveCall call = LiveCall.withoutAgent(ID, aCase(), "+420601000001", t0).detectMachines(MachinePolicy.HANG_UP);
        assertThat(call.state()).isEqualTo(CallState.DIALING);
        call.apply(new CallSignal.Ringing(ID), t0.plusSeconds(1));
        assertThat(call.state()).isEqualTo(CallState.RINGING);
        call.apply(new CallSignal.OriginateFinished(ID, OriginateReason.ANSWERED, LEG), t0.plusSeconds(5));
        assertThat(call.state()).isEqualTo(CallState.DETECTING_MACHINE);
        assertThat(call.answered()).isFalse();
        assertThat(call.waitsForAgent()).isFalse();

        call.apply(new CallSignal.MachineDetection(ID, "HUMAN"), t0.plusSeconds(7));

        assertThat(call.state()).isEqualTo(CallState.ANSWERED_BY_PERSON);
        assertThat(call.answeredAt()).contains(t0.plusSeconds(7)); // the 2-second rule starts after the greeting
        assertThat(call.waitsForAgent()).isTrue();
    }

    @Test
    void aMachineHungUpOnIsNotReachedAndNotAbandoned() {
        LiveCall call = LiveCall.withoutAgent(ID, aCase(), "+420601000001", t0).detectMachines(MachinePolicy.HANG_UP);
        call.apply(new CallSignal.OriginateFinished(ID, OriginateReason.ANSWERED, LEG), t0.plusSeconds(5));
        call.apply(new CallSignal.MachineDetection(ID, "MACHINE"), t0.plusSeconds(8));
        assertThat(call.state()).isEqualTo(CallState.ANSWERED_BY_MACHINE);

        assertThat(call.apply(new CallSignal.HungUp(ID, 16), t0.plusSeconds(8))).isEqualTo(Step.ENDED);
        assertThat(call.result()).isEqualTo(CallResult.MACHINE);
        assertThat(call.toAttempt().answeredAt()).isEmpty();
    }

    @Test
    void notSureGoesToAnAgentAndAHangUpDuringDetectionCountsAsAbandoned() {
        LiveCall unsure = LiveCall.withoutAgent(ID, aCase(), "+420601000001", t0).detectMachines(MachinePolicy.HANG_UP);
        unsure.apply(new CallSignal.OriginateFinished(ID, OriginateReason.ANSWERED, LEG), t0.plusSeconds(5));
        unsure.apply(new CallSignal.MachineDetection(ID, "NOTSURE"), t0.plusSeconds(9));
        assertThat(unsure.waitsForAgent()).isTrue();

        LiveCall gone = LiveCall.withoutAgent(ID, aCase(), "+420601000001", t0).detectMachines(MachinePolicy.HANG_UP);
        gone.apply(new CallSignal.OriginateFinished(ID, OriginateReason.ANSWERED, LEG), t0.plusSeconds(5));
        gone.apply(new CallSignal.HungUp(ID, 16), t0.plusSeconds(6));
        assertThat(gone.result()).isEqualTo(CallResult.ABANDONED);
    }

    @Test
    void aCallThatVanishedAfterItsDialEndedBusyEndsBusyAndOneThatVanishedUnansweredEndsFailed() {
        LiveCall busy = LiveCall.withoutAgent(ID, aCase(), "+420601000001", t0);
        busy.apply(new CallSignal.DialEnded(ID, "BUSY"), t0.plusSeconds(1));
        assertThat(busy.apply(new CallSignal.Vanished(ID), t0.plusSeconds(9))).isEqualTo(Step.ENDED);
        assertThat(busy.toAttempt().result()).isEqualTo(CallResult.BUSY);
        assertThat(busy.toAttempt().hangupCause()).isEqualTo(17);

        LiveCall unknown = LiveCall.withoutAgent(ID, aCase(), "+420601000001", t0);
        unknown.apply(new CallSignal.Ringing(ID), t0.plusSeconds(1));
        unknown.apply(new CallSignal.Vanished(ID), t0.plusSeconds(9));
        assertThat(unknown.result()).isEqualTo(CallResult.FAILED);
    }

    @Test
    void aBridgedCallThatVanishedWasAnsweredAndLaterSignalsChangeNothing() {
        LiveCall call = LiveCall.withoutAgent(ID, aCase(), "+420601000001", t0);
        call.apply(new CallSignal.OriginateFinished(ID, OriginateReason.ANSWERED, LEG), t0.plusSeconds(5));
        call.apply(new CallSignal.Bridged(ID), t0.plusSeconds(6));

        assertThat(call.apply(new CallSignal.Vanished(ID), t0.plusSeconds(60))).isEqualTo(Step.ENDED);
        assertThat(call.apply(new CallSignal.HungUp(ID, 16), t0.plusSeconds(61))).isEqualTo(Step.NOTHING);
        assertThat(call.result()).isEqualTo(CallResult.ANSWERED);
        assertThat(call.state()).isEqualTo(CallState.ENDED);
    }

    private static Case aCase() {
        return new Case("case-1", "demo", new Debtor("d-1", "Jana Novak"),
                List.of(new Claim("cl-1", new BigDecimal("250.00"), "EUR", LocalDate.of(2026, 9, 1))),
                List.of("+420601000001"), ZoneId.of("Europe/Prague"), 5, Instant.now());
    }
}
