package dev.collector.crmbridge.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.Status;
import com.google.type.Date;
import com.google.type.Money;
import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.compliance.window.CallingWindow;
import dev.collector.crmbridge.CrmBridgeServer;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.crmbridge.feed.HazelcastCrmFeed;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.ClaimSplit;
import dev.collector.domain.casework.Debtor;
import dev.collector.domain.casework.DialLease;
import dev.collector.protos.v1.CancelCaseRequest;
import dev.collector.protos.v1.CancelCaseResponse;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.CaseStatus;
import dev.collector.protos.v1.CeaseContactRequested;
import dev.collector.protos.v1.CeaseContactWithdrawn;
import dev.collector.protos.v1.DisputeClosed;
import dev.collector.protos.v1.DisputeOpened;
import dev.collector.protos.v1.PaymentReceived;
import dev.collector.protos.v1.PhoneNumberAdded;
import dev.collector.protos.v1.PhoneNumberInvalidated;
import dev.collector.protos.v1.PromiseMadeElsewhere;
import dev.collector.protos.v1.TimeZoneChanged;
import dev.collector.protos.v1.UpdateCaseRequest;
import dev.collector.protos.v1.UpdateCaseResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * UpdateCase and CancelCase over real gRPC, against the real call list on an embedded Hazelcast
 * member: each update is judged by what the dialer gets when it next leases from the campaign.
 */
class CaseUpdatingTest {

    /** A Wednesday, 13:00 in Prague. */
    static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");
    static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    static HazelcastInstance hazelcast;
    static ExecutorService worker;
    static HazelcastCallList callList;
    static CrmBridgeServer server;
    static ManagedChannel channel;
    static CaseServiceGrpc.CaseServiceBlockingStub cases;

    @BeforeAll
    static void start() {
        hazelcast = HazelcastMember.start(new HazelcastSettings(
                "crm-bridge-updates-" + ProcessHandle.current().pid(), "127.0.0.1", 5921, List.of()));
        worker = Executors.newFixedThreadPool(2);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        callList = new HazelcastCallList(hazelcast, worker, CaseQueueSettings.defaults(), new InMemoryComplianceAudit(),
                clock);
        server = CrmBridgeServer.start(CrmBridgeSettings.loopback(), callList, callList,
                new HazelcastCrmFeed(hazelcast, 1000), hazelcast, clock);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        cases = CaseServiceGrpc.newBlockingStub(channel);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
        hazelcast.shutdown();
        worker.shutdownNow();
    }

    // --- payments --------------------------------------------------------------------------------

    @Test
    void aCasePaidInFullIsClosedAndNeverLeasedAgain() throws Exception {
        admit(aCase("paid", "paid-campaign", "debtor-paid", List.of("+420601000101"),
                claim("paid-1", "100.00", LocalDate.of(2026, 1, 1))));

        UpdateCaseResponse reply = update("paid", "pay-1", u -> u.setPaymentReceived(
                PaymentReceived.newBuilder().setAmount(czk(100, 0))));

        assertThat(reply.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_CLOSED);
        assertThat(reply.getReplayed()).isFalse();
        assertThat(leaseNext("paid-campaign")).isEmpty();
        CaseEntry entry = entry("paid");
        assertThat(entry.status()).isEqualTo(dev.collector.casequeue.entry.CaseStatus.CLOSED);
        assertThat(entry.reason()).contains("paid in full");
    }

    @Test
    void aSettlementForLessThanTheTotalClosesTheCaseToo() throws Exception {
        admit(aCase("settled", "settled-campaign", "debtor-settled", List.of("+420601000102"),
                claim("settled-1", "100.00", LocalDate.of(2026, 1, 1))));

        UpdateCaseResponse reply = update("settled", "settle-1", u -> u.setPaymentReceived(
                PaymentReceived.newBuilder().setAmount(czk(60, 0)).setSettlesCase(true)));

        assertThat(reply.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_CLOSED);
        assertThat(leaseNext("settled-campaign")).isEmpty();
    }

    @Test
    void aPartialPaymentLowersWhatIsDueOldestClaimFirstAndTheDialerSeesIt() throws Exception {
        admit(aCase("partial", "partial-campaign", "debtor-partial", List.of("+420601000103"),
                claim("partial-newer", "100.00", LocalDate.of(2026, 2, 1)),
                claim("partial-older", "50.00", LocalDate.of(2025, 12, 1))));

        UpdateCaseResponse reply = update("partial", "pay-70", u -> u.setPaymentReceived(
                PaymentReceived.newBuilder().setAmount(czk(70, 0))));

        assertThat(reply.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_WAITING);
        DialLease lease = leaseNext("partial-campaign").orElseThrow();
        assertThat(lease.aCase().totalDue()).isEqualByComparingTo("80.00");
        // The older claim is paid off and leaves the case; the newer one carries what is left.
        assertThat(lease.aCase().claims()).singleElement().satisfies(claim -> {
            assertThat(claim.claimId()).isEqualTo("partial-newer");
            assertThat(claim.amountDue()).isEqualTo(new BigDecimal("80.00"));
        });
        assertThat(lease.aCase().receivedAt()).isEqualTo(NOW);
    }

    @Test
    void aResentPaymentIsReplayedAndNotBookedTwice() throws Exception {
        admit(aCase("resent", "resent-campaign", "debtor-resent", List.of("+420601000104"),
                claim("resent-1", "100.00", LocalDate.of(2026, 1, 1))));
        Consumer<UpdateCaseRequest.Builder> pay30 = u -> u.setPaymentReceived(
                PaymentReceived.newBuilder().setAmount(czk(30, 0)));

        UpdateCaseResponse first = update("resent", "bank-tx-881", pay30);
        UpdateCaseResponse again = update("resent", "bank-tx-881", pay30);

        assertThat(first.getReplayed()).isFalse();
        assertThat(again.getReplayed()).isTrue();
        assertThat(again.getStatus()).isEqualTo(first.getStatus());
        assertThat(find("resent").totalDue()).isEqualByComparingTo("70.00");

        // The same id for another change is a CRM bug, not a resend: refused rather than dropped.
        Status reused = refusal(() -> update("resent", "bank-tx-881", u -> u.setPaymentReceived(
                PaymentReceived.newBuilder().setAmount(czk(40, 0)))));
        assertThat(reused.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(fieldsOf(reused)).containsExactly("update_id");
        assertThat(find("resent").totalDue()).isEqualByComparingTo("70.00");
    }

    @Test
    void aPartialPaymentOnAnItemizedClaimPaysFeesThenInterestThenPrincipalAndTheSplitStillAddsUp() throws Exception {
        admit(aCase("itemized", "itemized-campaign", "debtor-itemized", List.of("+420601000120"),
                new Claim("itemized-newer", new BigDecimal("100.00"), "CZK", LocalDate.of(2026, 2, 1),
                        new ClaimSplit(new BigDecimal("80.00"), new BigDecimal("15.00"), new BigDecimal("5.00"))),
                new Claim("itemized-older", new BigDecimal("50.00"), "CZK", LocalDate.of(2025, 12, 1),
                        new ClaimSplit(new BigDecimal("30.00"), new BigDecimal("12.00"), new BigDecimal("8.00")))));

        // 62: the older claim (50) is paid off; 12 on the newer one clears its fees (5) and 7 of its interest.
        update("itemized", "pay-62", u -> u.setPaymentReceived(PaymentReceived.newBuilder().setAmount(czk(62, 0))));
        assertThat(find("itemized").claims()).singleElement().satisfies(claim -> {
            assertThat(claim.amountDue()).isEqualByComparingTo("88.00");
            assertSplit(claim, "80.00", "8.00", "0.00");
        });

        // 50 more: the last 8 of interest, then 42 of principal.
        update("itemized", "pay-50", u -> u.setPaymentReceived(PaymentReceived.newBuilder().setAmount(czk(50, 0))));
        DialLease lease = leaseNext("itemized-campaign").orElseThrow();
        assertThat(lease.aCase().totalDue()).isEqualByComparingTo("38.00");
        assertThat(lease.aCase().claims()).singleElement().satisfies(claim -> {
            assertSplit(claim, "38.00", "0.00", "0.00");
        });
    }

    // --- promises, disputes, cease contact --------------------------------------------------------

    @Test
    void aPromiseMadeElsewherePostponesTheCaseTo10InTheMorningAfterThePromisedDayInTheDebtorsZone()
            throws Exception {
        admit(aCase("promised", "promised-campaign", "debtor-promised", List.of("+420601000105"),
                claim("promised-1", "100.00", LocalDate.of(2026, 1, 1))));

        UpdateCaseResponse reply = update("promised", "promise-1", u -> u.setPromiseMadeElsewhere(
                PromiseMadeElsewhere.newBuilder().setAmount(czk(100, 0)).setPromisedFor(date(2026, 3, 6))));

        assertThat(reply.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_SCHEDULED);
        assertThat(leaseNext("promised-campaign")).isEmpty();
        assertThat(entry("promised").dueAt()).contains(
                ZonedDateTime.of(LocalDate.of(2026, 3, 7), LocalTime.of(10, 0), PRAGUE).toInstant());
    }

    @Test
    void anOpenDisputeHoldsTheCaseAndClosingItPutsTheCaseBack() throws Exception {
        admit(aCase("disputed", "disputed-campaign", "debtor-disputed", List.of("+420601000106"),
                claim("disputed-1", "100.00", LocalDate.of(2026, 1, 1)),
                claim("disputed-2", "40.00", LocalDate.of(2026, 2, 1))));

        update("disputed", "dispute-1", u -> u.setDisputeOpened(DisputeOpened.newBuilder().setClaimId("disputed-2")));

        assertThat(leaseNext("disputed-campaign")).isEmpty();
        assertThat(entry("disputed").status()).isEqualTo(dev.collector.casequeue.entry.CaseStatus.HELD);
        assertThat(callList.recordOf("debtor-disputed").toCompletableFuture().get(5, TimeUnit.SECONDS)
                .orElseThrow().holds()).extracting(Hold::reason, Hold::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HoldReason.DISPUTE_OPEN, "disputed-2"));

        UpdateCaseResponse closed = update("disputed", "dispute-1-closed", u -> u.setDisputeClosed(
                DisputeClosed.newBuilder()));

        assertThat(closed.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_WAITING);
        assertThat(leaseNext("disputed-campaign")).map(DialLease::caseId).contains("disputed");
    }

    @Test
    void ceaseContactHoldsEveryCaseOfTheDebtorUntilWithdrawn() throws Exception {
        admit(aCase("cease-a", "cease-campaign-a", "debtor-cease", List.of("+420601000107"),
                claim("cease-a-1", "100.00", LocalDate.of(2026, 1, 1))));
        admit(aCase("cease-b", "cease-campaign-b", "debtor-cease", List.of("+420601000107"),
                claim("cease-b-1", "300.00", LocalDate.of(2025, 11, 1))));

        update("cease-a", "cease-1", u -> u.setCeaseContactRequested(CeaseContactRequested.getDefaultInstance()));

        assertThat(leaseNext("cease-campaign-a")).isEmpty();
        assertThat(leaseNext("cease-campaign-b")).isEmpty();
        assertThat(entry("cease-a").status()).isEqualTo(dev.collector.casequeue.entry.CaseStatus.HELD);
        assertThat(entry("cease-b").status()).isEqualTo(dev.collector.casequeue.entry.CaseStatus.HELD);

        UpdateCaseResponse withdrawn = update("cease-b", "cease-1-withdrawn",
                u -> u.setCeaseContactWithdrawn(CeaseContactWithdrawn.getDefaultInstance()));

        assertThat(withdrawn.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_WAITING);
        assertThat(entry("cease-a").status()).isEqualTo(dev.collector.casequeue.entry.CaseStatus.WAITING);
        assertThat(leaseNext("cease-campaign-b")).map(DialLease::caseId).contains("cease-b");
    }

    // --- numbers and zones ----------------------------------------------------------------------

    @Test
    void anInvalidatedNumberIsSkippedAndTheNextNumberIsDialed() throws Exception {
        admit(aCase("skip", "skip-campaign", "debtor-skip", List.of("+420601000108", "+420601000109"),
                claim("skip-1", "100.00", LocalDate.of(2026, 1, 1))));

        UpdateCaseResponse reply = update("skip", "invalid-1", u -> u.setPhoneInvalidated(
                PhoneNumberInvalidated.newBuilder().setPhoneNumber("+420601000108")));

        assertThat(reply.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_WAITING);
        assertThat(leaseNext("skip-campaign").orElseThrow().phoneNumber()).isEqualTo("+420601000109");
    }

    @Test
    void anAddedNumberIsDialedWhenTheCaseHadNoValidNumberLeft() throws Exception {
        admit(aCase("added", "added-campaign", "debtor-added", List.of("+420601000110"),
                claim("added-1", "100.00", LocalDate.of(2026, 1, 1))));
        update("added", "invalid-only", u -> u.setPhoneInvalidated(
                PhoneNumberInvalidated.newBuilder().setPhoneNumber("+420601000110")));
        assertThat(leaseNext("added-campaign")).isEmpty();
        assertThat(entry("added").status()).isEqualTo(dev.collector.casequeue.entry.CaseStatus.HELD);

        UpdateCaseResponse reply = update("added", "new-number", u -> u.setPhoneAdded(
                PhoneNumberAdded.newBuilder().setPhoneNumber("+48501000111")));

        assertThat(reply.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_WAITING);
        assertThat(find("added").phoneNumbers()).containsExactly("+420601000110", "+48501000111");
        assertThat(leaseNext("added-campaign").orElseThrow().phoneNumber()).isEqualTo("+48501000111");
    }

    @Test
    void addingAnInvalidatedNumberAgainLiftsItsHold() throws Exception {
        admit(aCase("readded", "readded-campaign", "debtor-readded", List.of("+420601000112", "+420601000113"),
                claim("readded-1", "100.00", LocalDate.of(2026, 1, 1))));
        update("readded", "invalid-first", u -> u.setPhoneInvalidated(
                PhoneNumberInvalidated.newBuilder().setPhoneNumber("+420601000112")));

        update("readded", "works-after-all", u -> u.setPhoneAdded(
                PhoneNumberAdded.newBuilder().setPhoneNumber("+420601000112")));

        assertThat(find("readded").phoneNumbers()).containsExactly("+420601000112", "+420601000113");
        assertThat(leaseNext("readded-campaign").orElseThrow().phoneNumber()).isEqualTo("+420601000112");
    }

    @Test
    void aTimeZoneChangeMovesTheCallingWindow() throws Exception {
        callList.defineRules(new CampaignRules("moved-campaign", ContactRules.strictest()
                .withWindow(CallingWindow.everyDay(LocalTime.of(8, 0), LocalTime.of(20, 0))), Map.of()))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        admit(aCase("moved", "moved-campaign", "debtor-moved", List.of("+420601000114"),
                claim("moved-1", "100.00", LocalDate.of(2026, 1, 1))));

        // 13:00 in Prague, but already 01:00 the next day in Auckland.
        UpdateCaseResponse reply = update("moved", "moved-to-nz", u -> u.setTimeZoneChanged(
                TimeZoneChanged.newBuilder().setTimeZone("Pacific/Auckland")));

        assertThat(reply.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_WAITING);
        assertThat(find("moved").timeZone()).isEqualTo(ZoneId.of("Pacific/Auckland"));
        assertThat(leaseNext("moved-campaign")).isEmpty();
        CaseEntry entry = entry("moved");
        assertThat(entry.status()).isEqualTo(dev.collector.casequeue.entry.CaseStatus.SCHEDULED);
        assertThat(entry.dueAt()).contains(ZonedDateTime.of(LocalDate.of(2026, 3, 5), LocalTime.of(8, 0),
                ZoneId.of("Pacific/Auckland")).toInstant());
    }

    // --- what is refused ------------------------------------------------------------------------

    @Test
    void anUpdateWithoutIdsOrChangeIsRefusedFieldByField() {
        Status status = refusal(() -> cases.updateCase(UpdateCaseRequest.getDefaultInstance()));

        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(fieldsOf(status)).containsExactly("case_id", "update_id", "change");
    }

    @Test
    void badValuesAreRefusedAgainstTheirFieldsAndNothingIsApplied() throws Exception {
        admit(aCase("refused", "refused-campaign", "debtor-refused", List.of("+420601000115"),
                claim("refused-1", "100.00", LocalDate.of(2026, 1, 1))));

        assertThat(fieldsOf(refusal(() -> update("refused", "r-1", u -> u.setPaymentReceived(
                PaymentReceived.newBuilder().setAmount(money("EUR", 10, 0)))))))
                .containsExactly("payment_received.amount.currency_code");
        assertThat(fieldsOf(refusal(() -> update("refused", "r-2", u -> u.setPaymentReceived(
                PaymentReceived.newBuilder().setAmount(czk(10, 5_000_000)))))))
                .containsExactly("payment_received.amount");
        assertThat(fieldsOf(refusal(() -> update("refused", "r-3", u -> u.setPaymentReceived(
                PaymentReceived.newBuilder().setAmount(czk(-10, 0)))))))
                .containsExactly("payment_received.amount");
        assertThat(fieldsOf(refusal(() -> update("refused", "r-4", u -> u.setPaymentReceived(
                PaymentReceived.newBuilder())))))
                .containsExactly("payment_received.amount");
        assertThat(fieldsOf(refusal(() -> update("refused", "r-5", u -> u.setPhoneInvalidated(
                PhoneNumberInvalidated.newBuilder().setPhoneNumber("+420601999999"))))))
                .containsExactly("phone_invalidated.phone_number");
        assertThat(fieldsOf(refusal(() -> update("refused", "r-6", u -> u.setPhoneAdded(
                PhoneNumberAdded.newBuilder().setPhoneNumber("0601 123 456"))))))
                .containsExactly("phone_added.phone_number");
        assertThat(fieldsOf(refusal(() -> update("refused", "r-7", u -> u.setTimeZoneChanged(
                TimeZoneChanged.newBuilder().setTimeZone("+01:00"))))))
                .containsExactly("time_zone_changed.time_zone");
        assertThat(fieldsOf(refusal(() -> update("refused", "r-8", u -> u.setPromiseMadeElsewhere(
                PromiseMadeElsewhere.newBuilder().setAmount(czk(50, 0)).setPromisedFor(date(2026, 3, 3)))))))
                .containsExactly("promise_made_elsewhere.promised_for");
        assertThat(fieldsOf(refusal(() -> update("refused", "r-9", u -> u.setDisputeOpened(
                DisputeOpened.newBuilder().setClaimId("no-such-claim"))))))
                .containsExactly("dispute_opened.claim_id");

        Case unchanged = find("refused");
        assertThat(unchanged.totalDue()).isEqualByComparingTo("100.00");
        assertThat(unchanged.phoneNumbers()).containsExactly("+420601000115");
        assertThat(unchanged.timeZone()).isEqualTo(PRAGUE);
        assertThat(leaseNext("refused-campaign")).map(DialLease::caseId).contains("refused");

        // A refused update was not applied, so its id is free for the corrected update.
        assertThat(update("refused", "r-1", u -> u.setPaymentReceived(
                PaymentReceived.newBuilder().setAmount(czk(10, 0)))).getReplayed()).isFalse();
    }

    @Test
    void anUpdateOrCancellationOfAnUnknownCaseIsNotFound() {
        Status update = refusal(() -> update("no-such-case", "u-1",
                u -> u.setCeaseContactRequested(CeaseContactRequested.getDefaultInstance())));
        Status cancel = refusal(() -> cases.cancelCase(CancelCaseRequest.newBuilder()
                .setCaseId("no-such-case").setReason("sold").build()));

        assertThat(update.getCode()).isEqualTo(Code.NOT_FOUND_VALUE);
        assertThat(cancel.getCode()).isEqualTo(Code.NOT_FOUND_VALUE);
    }

    // --- cancellation ---------------------------------------------------------------------------

    @Test
    void aCancelledCaseIsClosedAndNeverLeased() throws Exception {
        admit(aCase("cancelled", "cancelled-campaign", "debtor-cancelled", List.of("+420601000116"),
                claim("cancelled-1", "100.00", LocalDate.of(2026, 1, 1))));

        CancelCaseResponse reply = cases.cancelCase(CancelCaseRequest.newBuilder()
                .setCaseId("cancelled").setReason("sold to an agency").build());

        assertThat(reply.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_CLOSED);
        assertThat(leaseNext("cancelled-campaign")).isEmpty();
        assertThat(entry("cancelled").reason()).isEqualTo("cancelled: sold to an agency");
    }

    @Test
    void aCaseCancelledDuringACallFinishesTheCallAndThenCloses() throws Exception {
        admit(aCase("in-call", "in-call-campaign", "debtor-in-call", List.of("+420601000117"),
                claim("in-call-1", "100.00", LocalDate.of(2026, 1, 1))));
        DialLease lease = leaseNext("in-call-campaign").orElseThrow();

        CancelCaseResponse reply = cases.cancelCase(CancelCaseRequest.newBuilder()
                .setCaseId("in-call").setReason("paid at the branch").build());

        assertThat(reply.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_LEASED);
        callList.callEnded(lease, new CallAttempt(lease.attemptId(), lease.caseId(), lease.aCase().campaignId(),
                lease.phoneNumber(), Optional.empty(), NOW, Optional.empty(), NOW.plusSeconds(30),
                CallResult.NO_ANSWER, 19)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(entry("in-call").status()).isEqualTo(dev.collector.casequeue.entry.CaseStatus.CLOSED);
    }

    @Test
    void aCancellationWithoutAReasonIsRefused() {
        Status status = refusal(() -> cases.cancelCase(CancelCaseRequest.newBuilder().setCaseId("whatever").build()));

        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(fieldsOf(status)).containsExactly("reason");
    }

    // --- helpers --------------------------------------------------------------------------------

    private static UpdateCaseResponse update(String caseId, String updateId, Consumer<UpdateCaseRequest.Builder> change) {
        UpdateCaseRequest.Builder request = UpdateCaseRequest.newBuilder().setCaseId(caseId).setUpdateId(updateId);
        change.accept(request);
        return cases.withDeadlineAfter(10, TimeUnit.SECONDS).updateCase(request.build());
    }

    private static Status refusal(Runnable call) {
        StatusRuntimeException refusal = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(refusal).as("the call was refused").isNotNull();
        return StatusProto.fromThrowable(refusal);
    }

    private static List<String> fieldsOf(Status status) {
        for (Any detail : status.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                try {
                    return detail.unpack(BadRequest.class).getFieldViolationsList().stream()
                            .map(BadRequest.FieldViolation::getField).toList();
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no BadRequest in " + status);
    }

    private static Case aCase(String caseId, String campaignId, String debtorId, List<String> phones, Claim... claims)
            throws Exception {
        // Every test campaign has its calling window open around the clock unless the test says otherwise.
        if (!campaignId.equals("moved-campaign")) {
            await(callList.defineRules(new CampaignRules(campaignId, ContactRules.strictest()
                    .withWindow(CallingWindow.everyDay(LocalTime.MIN, LocalTime.MAX)), Map.of())));
        }
        return new Case(caseId, campaignId, new Debtor(debtorId, "Jana Nováková"), List.of(claims), phones, PRAGUE, 5,
                NOW.minusSeconds(3600));
    }

    private static void assertSplit(Claim claim, String principal, String interest, String fees) {
        ClaimSplit split = claim.split().orElseThrow();
        assertThat(split.principal()).as("principal").isEqualByComparingTo(principal);
        assertThat(split.interest()).as("interest").isEqualByComparingTo(interest);
        assertThat(split.fees()).as("fees").isEqualByComparingTo(fees);
        assertThat(split.total()).as("principal + interest + fees").isEqualByComparingTo(claim.amountDue());
    }

    private static Claim claim(String claimId, String amountDue, LocalDate dueDate) {
        return new Claim(claimId, new BigDecimal(amountDue), "CZK", dueDate);
    }

    private static Money czk(long units, int nanos) {
        return money("CZK", units, nanos);
    }

    private static Money money(String currency, long units, int nanos) {
        return Money.newBuilder().setCurrencyCode(currency).setUnits(units).setNanos(nanos).build();
    }

    private static Date date(int year, int month, int day) {
        return Date.newBuilder().setYear(year).setMonth(month).setDay(day).build();
    }

    private static void admit(Case aCase) throws Exception {
        await(callList.admit(aCase));
    }

    private static Optional<DialLease> leaseNext(String campaignId) throws Exception {
        return await(callList.leaseNext(campaignId));
    }

    private static CaseEntry entry(String caseId) throws Exception {
        return await(callList.entryOf(caseId)).orElseThrow();
    }

    private static Case find(String caseId) throws Exception {
        return await(callList.find(caseId)).orElseThrow();
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
