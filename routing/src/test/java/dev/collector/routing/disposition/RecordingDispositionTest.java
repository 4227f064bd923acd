package dev.collector.routing.disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.domain.agent.Agent;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.domain.casework.DialLease;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.CrmFeed;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.domain.outcome.PaymentChannel;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.AgentState;
import dev.collector.routing.roster.Assignment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordingDispositionTest {

    static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AgentRoster roster = new AgentRoster(clock, List.of(new Agent("a1", "Anna", "Local/101@agents")));
    private final OneCase callList = new OneCase(new Case("c1", "autumn", new Debtor("d1", "Dana Debtor"),
            List.of(new Claim("k1", new BigDecimal("500.00"), "EUR", LocalDate.of(2026, 9, 1))),
            List.of("+420601123456"), ZoneId.of("Europe/Prague"), 1, NOW.minus(Duration.ofDays(3))));
    private final StoredOutcomes history = new StoredOutcomes();
    private final List<Outcome> sentToCrm = new CopyOnWriteArrayList<>();
    private final PlacedHolds holds = new PlacedHolds();
    private final RecordingDisposition recording = new RecordingDisposition(roster, callList, history,
            new CrmFeed() {
                @Override
                public void attemptEnded(CallAttempt attempt) {
                }

                @Override
                public void outcomeRecorded(Outcome outcome) {
                    sentToCrm.add(outcome);
                }
            }, holds, clock);

    @BeforeEach
    void agentIsOnTheCall() {
        roster.logIn("a1");
        roster.ready("a1");
        roster.reserveLongestIdle(new Assignment("t1", "c1"));
        roster.connect("a1");
    }

    @Test
    void aCallbackTheDebtorAskedForLaterTodayIsStoredSentToTheCrmAndFreesTheAgent() throws Exception {
        Disposition callback = new Disposition.CallbackRequested(NOW.plus(Duration.ofHours(2)));

        Outcome outcome = recording.record("a1", "t1", callback, "call after work").toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertThat(outcome.disposition()).isEqualTo(callback);
        assertThat(history.outcomes).containsExactly(outcome);
        assertThat(sentToCrm).containsExactly(outcome);
        assertThat(callList.dispositions).containsExactly(outcome);
        assertThat(roster.status("a1").orElseThrow().dispositionRecorded()).isTrue();
    }

    @Test
    void aCallbackThirtyDaysAheadIsStillAccepted() throws Exception {
        Disposition callback = new Disposition.CallbackRequested(NOW.plus(Duration.ofDays(30)));

        Outcome outcome = recording.record("a1", "t1", callback, "").toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(outcome.disposition()).isEqualTo(callback);
    }

    @Test
    void aCallbackInThePastIsRejectedNamingTheField() {
        assertRejected(new Disposition.CallbackRequested(NOW.minus(Duration.ofMinutes(5))), "callbackAt",
                "not in the future");
    }

    @Test
    void aCallbackForThisVeryMomentIsRejectedAsNotInTheFuture() {
        assertRejected(new Disposition.CallbackRequested(NOW), "callbackAt", "not in the future");
    }

    @Test
    void aCallbackMoreThanThirtyDaysAwayIsRejectedNamingTheField() {
        assertRejected(new Disposition.CallbackRequested(NOW.plus(Duration.ofDays(30)).plusSeconds(1)), "callbackAt",
                "more than 30 days away");
    }

    @Test
    void aDisputeIsRecordedLikeAnyOtherConclusion() throws Exception {
        Outcome outcome = recording.record("a1", "t1", new Disposition.Disputed(), "says it was paid in August")
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(outcome.disposition()).isEqualTo(new Disposition.Disputed());
        assertThat(history.outcomes).containsExactly(outcome);
        assertThat(sentToCrm).containsExactly(outcome);
    }

    @Test
    void aPromiseCarriesHowTheDebtorWillPay() throws Exception {
        Disposition promise = new Disposition.PromiseToPay(new BigDecimal("200.00"), LocalDate.of(2026, 12, 1),
                PaymentChannel.DIRECT_DEBIT);

        Outcome outcome = recording.record("a1", "t1", promise, "").toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(((Disposition.PromiseToPay) outcome.disposition()).channel()).isEqualTo(PaymentChannel.DIRECT_DEBIT);
        assertThat(sentToCrm).containsExactly(outcome);
        assertThat(holds.placed).isEmpty();
    }

    @Test
    void aPromiseWithoutAPaymentChannelIsRejectedNamingTheField() {
        assertRejected(new Disposition.PromiseToPay(new BigDecimal("200.00"), LocalDate.of(2026, 12, 1)), "channel",
                "how the debtor pays");
    }

    @Test
    void aPromiseAboveWhatIsOwedIsRejectedNamingTheAmount() {
        assertRejected(new Disposition.PromiseToPay(new BigDecimal("500.01"), LocalDate.of(2026, 12, 1),
                PaymentChannel.CARD), "amount", "exceeds the 500.00 owed");
    }

    @Test
    void aPromiseMoreThanSixMonthsAwayIsRejectedNamingTheDate() {
        assertRejected(new Disposition.PromiseToPay(new BigDecimal("50.00"), LocalDate.of(2027, 5, 24),
                PaymentChannel.CARD), "promisedFor", "more than 6 months away");
    }

    @Test
    void aPaymentOfAllThatIsOwedIsTakenButNotACentMore() throws Exception {
        assertRejected(new Disposition.PaymentTaken(new BigDecimal("500.01"), PaymentChannel.CARD), "amount",
                "exceeds the 500.00 owed");

        Outcome outcome = recording.record("a1", "t1", new Disposition.PaymentTaken(new BigDecimal("500.00"),
                PaymentChannel.CARD), "").toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(outcome.disposition().code()).isEqualTo("PAYMENT_TAKEN");
        assertThat(sentToCrm).containsExactly(outcome);
    }

    @Test
    void aMessageLeftWithAThirdPartyNeedsNotesSayingWhatWasLeft() throws Exception {
        assertRejected(new Disposition.ThirdParty(), "notes", "who took the message");

        Outcome outcome = recording.record("a1", "t1", new Disposition.ThirdParty(), "wife; call back after 6 pm")
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(outcome.disposition()).isEqualTo(new Disposition.ThirdParty());
    }

    @Test
    void aDeceasedDebtorIsHeldBeforeTheAgentIsFreed() throws Exception {
        Outcome outcome = recording.record("a1", "t1", new Disposition.Deceased(), "son says he died in October")
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(holds.placed).containsExactly(new Hold(HoldReason.DECEASED, "d1", "agent a1", outcome.recordedAt()));
        assertThat(sentToCrm).containsExactly(outcome);
    }

    @Test
    void aRequestToCeaseContactHoldsTheDebtorAndAFailedHoldLeavesTheCallToBeDisposedAgain() throws Exception {
        holds.failNext = true;
        CompletableFuture<Outcome> first = recording.record("a1", "t1", new Disposition.CeaseContact(), "")
                .toCompletableFuture();
        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(sentToCrm).isEmpty();
        assertThat(roster.status("a1").orElseThrow().dispositionRecorded()).isFalse();

        Outcome outcome = recording.record("a1", "t1", new Disposition.CeaseContact(), "")
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(holds.placed).containsExactly(
                new Hold(HoldReason.CEASE_CONTACT, "d1", "agent a1", outcome.recordedAt()));
        assertThat(sentToCrm).containsExactly(outcome);
        assertThat(roster.status("a1").orElseThrow().dispositionRecorded()).isTrue();
    }

    private void assertRejected(Disposition disposition, String field, String reason) {
        CompletableFuture<Outcome> recorded = recording.record("a1", "t1", disposition, "").toCompletableFuture();

        assertThatThrownBy(() -> recorded.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(DispositionRejected.class, rejected -> {
                    assertThat(rejected.field()).isEqualTo(field);
                    assertThat(rejected.reason()).contains(reason);
                });
        assertThat(history.outcomes).isEmpty();
        assertThat(sentToCrm).isEmpty();
        assertThat(holds.placed).isEmpty();
        assertThat(roster.status("a1").orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
        assertThat(roster.status("a1").orElseThrow().dispositionRecorded()).isFalse();
    }

    /** A call list holding one case; only what recording a disposition uses. */
    static final class OneCase implements CallList {
        private final Case aCase;
        final List<Outcome> dispositions = new CopyOnWriteArrayList<>();

        OneCase(Case aCase) {
            this.aCase = aCase;
        }

        @Override
        public CompletionStage<Optional<Case>> find(String caseId) {
            return CompletableFuture.completedFuture(Optional.of(aCase).filter(c -> c.caseId().equals(caseId)));
        }

        @Override
        public CompletionStage<Void> dispositionRecorded(Outcome outcome) {
            dispositions.add(outcome);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> admit(Case c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Optional<DialLease>> leaseNext(String campaignId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> notDialed(DialLease lease) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> callEnded(DialLease lease, CallAttempt attempt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Boolean> postpone(String caseId, java.time.Instant until, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> cancel(String caseId, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Integer> waiting(String campaignId) {
            throw new UnsupportedOperationException();
        }
    }

    static final class StoredOutcomes implements ContactHistory {
        final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<Void> recordOutcome(Outcome outcome) {
            outcomes.add(outcome);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> recordAttempt(CallAttempt attempt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<List<CallAttempt>> attemptsOf(String caseId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<List<Outcome>> outcomesOf(String caseId) {
            throw new UnsupportedOperationException();
        }
    }

    /** The holds recording placed; the next one fails when asked to, as a call list that is down would. */
    static final class PlacedHolds implements ContactRestrictions {
        final List<Hold> placed = new CopyOnWriteArrayList<>();
        volatile boolean failNext;

        @Override
        public CompletionStage<Void> placeHold(String debtorId, Hold hold) {
            if (failNext) {
                failNext = false;
                return CompletableFuture.failedFuture(new IllegalStateException("call list unreachable"));
            }
            placed.add(hold);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> liftHold(String debtorId, HoldReason reason, String subject) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> addToDoNotCall(String phoneNumber, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> removeFromDoNotCall(String phoneNumber) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Optional<ContactRecord>> recordOf(String debtorId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> defineRules(CampaignRules rules) {
            throw new UnsupportedOperationException();
        }
    }
}
