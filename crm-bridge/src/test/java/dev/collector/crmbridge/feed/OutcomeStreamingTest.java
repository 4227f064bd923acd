package dev.collector.crmbridge.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.crmbridge.CrmBridgeServer;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.protos.v1.AttemptEnded;
import dev.collector.protos.v1.OutcomeEvent;
import dev.collector.protos.v1.OutcomeRecorded;
import dev.collector.protos.v1.OutcomeServiceGrpc;
import dev.collector.protos.v1.StreamOutcomesRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** StreamOutcomes over real gRPC from a HazelcastCrmFeed on an embedded member. */
class OutcomeStreamingTest {

    static final int CAPACITY = 300;
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    static HazelcastInstance hazelcast;
    static ExecutorService worker;
    static HazelcastCallList callList;
    static HazelcastCrmFeed feed;
    static CrmBridgeServer server;
    static ManagedChannel channel;
    static OutcomeServiceGrpc.OutcomeServiceStub outcomes;
    /** A client whose flow-control window holds only a few large events, so that it falls behind. */
    static ManagedChannel narrowChannel;
    static OutcomeServiceGrpc.OutcomeServiceStub narrowOutcomes;

    @BeforeAll
    static void start() {
        hazelcast = HazelcastMember.start(new HazelcastSettings(
                "crm-bridge-feed-" + ProcessHandle.current().pid(), "127.0.0.1", 5911, List.of()));
        worker = Executors.newFixedThreadPool(2);
        callList = new HazelcastCallList(hazelcast, worker, CaseQueueSettings.defaults(), new InMemoryComplianceAudit(),
                Clock.systemUTC());
        feed = new HazelcastCrmFeed(hazelcast, CAPACITY);
        server = CrmBridgeServer.start(CrmBridgeSettings.loopback(), callList, callList, feed, hazelcast,
                Clock.systemUTC());
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        outcomes = OutcomeServiceGrpc.newStub(channel);
        narrowChannel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                .flowControlWindow(64 * 1024).build();
        narrowOutcomes = OutcomeServiceGrpc.newStub(narrowChannel);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        narrowChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
        hazelcast.shutdown();
        worker.shutdownNow();
    }

    @Test
    void theCampaignsEventsArriveInOrderThoseAlreadyHeldFirstThenLiveOnes() throws Exception {
        feed.attemptEnded(attempt("live-a-1", "live-a"));
        feed.attemptEnded(attempt("live-b-1", "live-b"));
        feed.outcomeRecorded(promise("live-a-1", "live-a", "150.00", LocalDate.of(2026, 12, 1)));
        flushed();

        Subscriber subscriber = Subscriber.subscribe(outcomes, forCampaign("live-a"));
        List<OutcomeEvent> held = subscriber.take(2);

        AttemptEnded ended = held.get(0).getAttemptEnded();
        assertThat(ended.getAttemptId()).isEqualTo("live-a-1");
        assertThat(ended.getResult()).isEqualTo(dev.collector.protos.v1.CallResult.CALL_RESULT_ANSWERED);
        assertThat(ended.getAgentId()).isEqualTo("agent-7");
        assertThat(ended.getAnsweredAt().getSeconds()).isEqualTo(T0.plusSeconds(12).getEpochSecond());
        assertThat(ended.getHangupCause()).isEqualTo(16);
        assertThat(held.get(0).getOccurredAt().getSeconds()).isEqualTo(T0.plusSeconds(90).getEpochSecond());
        OutcomeRecorded recorded = held.get(1).getOutcomeRecorded();
        assertThat(recorded.getDisposition()).isEqualTo(dev.collector.protos.v1.Disposition.DISPOSITION_PROMISE_TO_PAY);
        assertThat(recorded.getPromise().getAmount().getValue()).isEqualTo("150.00");
        assertThat(recorded.getPromise().getPromisedFor().getDay()).isEqualTo(1);

        feed.attemptEnded(attempt("live-b-2", "live-b"));
        feed.attemptEnded(attempt("live-a-2", "live-a"));
        feed.outcomeRecorded(refused("live-a-2", "live-a"));
        List<OutcomeEvent> live = subscriber.take(2);

        assertThat(live).extracting(OutcomeStreamingTest::describe)
                .containsExactly("attempt live-a-2", "outcome live-a-2 DISPOSITION_REFUSED");
        assertThat(cursors(held, live)).isSorted().doesNotHaveDuplicates();
        subscriber.receivesNothingMoreWithin(Duration.ofMillis(200));
        subscriber.cancel();
    }

    @Test
    void aRequestedCallbackAndADisputeReachTheCrmWithTheCallbackTime() throws Exception {
        Instant callbackAt = T0.plus(Duration.ofHours(5));
        feed.outcomeRecorded(new Outcome("callback-1", "case-callback-1", "callbacks", "debtor-1", "agent-7",
                new Disposition.CallbackRequested(callbackAt), "after work", T0.plusSeconds(120)));
        feed.outcomeRecorded(new Outcome("dispute-1", "case-dispute-1", "callbacks", "debtor-1", "agent-7",
                new Disposition.Disputed(), "says it was paid", T0.plusSeconds(130)));
        flushed();

        Subscriber subscriber = Subscriber.subscribe(outcomes, forCampaign("callbacks"));
        List<OutcomeEvent> received = subscriber.take(2);

        assertThat(received).extracting(OutcomeStreamingTest::describe).containsExactly(
                "outcome callback-1 DISPOSITION_CALLBACK_REQUESTED", "outcome dispute-1 DISPOSITION_DISPUTED");
        assertThat(received.get(0).getOutcomeRecorded().getCallbackAt().getSeconds())
                .isEqualTo(callbackAt.getEpochSecond());
        assertThat(received.get(1).getOutcomeRecorded().hasCallbackAt()).isFalse();
        subscriber.cancel();
    }

    @Test
    void aClientThatReconnectsWithTheLastCursorItSawGetsExactlyTheEventsAfterIt() throws Exception {
        for (int i = 1; i <= 3; i++) {
            feed.attemptEnded(attempt("resume-" + i, "resume"));
        }
        flushed();
        Subscriber first = Subscriber.subscribe(outcomes, forCampaign("resume"));
        List<OutcomeEvent> seen = first.take(3);
        first.cancel();

        feed.attemptEnded(attempt("resume-4", "resume"));
        feed.attemptEnded(attempt("resume-5", "resume"));
        flushed();
        Subscriber again = Subscriber.subscribe(outcomes, forCampaign("resume").toBuilder()
                .setAfterCursor(seen.get(2).getCursor()).build());
        Subscriber fromSecond = Subscriber.subscribe(outcomes, forCampaign("resume").toBuilder()
                .setAfterCursor(seen.get(1).getCursor()).build());

        assertThat(again.take(2)).extracting(OutcomeStreamingTest::describe)
                .containsExactly("attempt resume-4", "attempt resume-5");
        again.receivesNothingMoreWithin(Duration.ofMillis(200));
        assertThat(fromSecond.take(3)).extracting(OutcomeStreamingTest::describe)
                .containsExactly("attempt resume-3", "attempt resume-4", "attempt resume-5");
        fromSecond.receivesNothingMoreWithin(Duration.ofMillis(50));
        again.cancel();
        fromSecond.cancel();
    }

    @Test
    void aClientThatReadsSlowlyGetsEveryEventInOrder() throws Exception {
        int count = 250;
        Subscriber slow = Subscriber.subscribeWithoutRequesting(narrowOutcomes, forCampaign("slow"));
        caughtUp(slow, "slow");
        appendLargeOutcomes("slow", count);
        slow.receivesNothingMoreWithin(Duration.ofMillis(200));

        for (int i = 0; i < count; i += 25) {
            slow.request(25);
            assertThat(slow.take(25)).extracting(e -> e.getOutcomeRecorded().getAttemptId())
                    .containsExactlyElementsOf(attemptIds("slow", i, i + 25));
        }
        slow.request(1);
        slow.receivesNothingMoreWithin(Duration.ofMillis(100));
        slow.cancel();
    }

    @Test
    void theServerDoesNotReadAheadOfAClientThatStoppedReadingSoItLearnsItFellBehindTheFeed() throws Exception {
        int count = 200;
        Subscriber stalled = Subscriber.subscribeWithoutRequesting(narrowOutcomes, forCampaign("stalled"));
        caughtUp(stalled, "stalled");
        appendLargeOutcomes("stalled", count);
        Thread.sleep(200);
        for (int i = 0; i < CAPACITY; i++) {
            feed.attemptEnded(attempt("evicting-" + i, "evicting"));
        }
        flushed();

        stalled.request(Integer.MAX_VALUE);
        List<OutcomeEvent> received = stalled.receivedUntilTheEnd();

        // What flow control let through plus one read batch, in order; then the truth, not a silent skip.
        assertThat(received.size()).isBetween(1, OutcomeStreaming.BATCH_SIZE + 40);
        assertThat(received).extracting(e -> e.getOutcomeRecorded().getAttemptId())
                .containsExactlyElementsOf(attemptIds("stalled", 0, received.size()));
        assertThat(stalled.endStatus().getCode()).isEqualTo(Status.Code.OUT_OF_RANGE);
        assertThat(stalled.endDetails()).singleElement().satisfies(detail ->
                assertThat(detail.unpack(ErrorInfo.class).getReason()).isEqualTo("CURSOR_EXPIRED"));
    }

    @Test
    void aCursorOlderThanTheFeedStillHoldsIsRefusedAsOutOfRangeRatherThanSkipped() throws Exception {
        feed.attemptEnded(attempt("stale-1", "stale"));
        feed.attemptEnded(attempt("stale-2", "stale"));
        flushed();
        Subscriber first = Subscriber.subscribe(outcomes, forCampaign("stale"));
        String firstCursor = first.take(2).get(0).getCursor();
        first.cancel();
        for (int i = 0; i < CAPACITY; i++) {
            feed.attemptEnded(attempt("filler-" + i, "filler"));
        }
        flushed();

        Subscriber late = Subscriber.subscribe(outcomes, forCampaign("stale").toBuilder()
                .setAfterCursor(firstCursor).build());

        Status status = late.endStatus();
        assertThat(status.getCode()).isEqualTo(Status.Code.OUT_OF_RANGE);
        assertThat(late.endDetails()).singleElement().satisfies(detail ->
                assertThat(detail.unpack(ErrorInfo.class).getReason()).isEqualTo("CURSOR_EXPIRED"));
        late.receivesNothingMoreWithin(Duration.ZERO);
    }

    @Test
    void aCursorThisServiceNeverHandedOutIsRefusedNamingTheField() throws Exception {
        Subscriber subscriber = Subscriber.subscribe(outcomes,
                StreamOutcomesRequest.newBuilder().setAfterCursor("yesterday").build());

        Status status = subscriber.endStatus();
        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(subscriber.endDetails().get(0).unpack(BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField).containsExactly("after_cursor");
    }

    @Test
    void closingTheServerEndsOpenStreamsWithUnavailableSoClientsResumeElsewhere() throws Exception {
        CrmBridgeServer closing = CrmBridgeServer.start(CrmBridgeSettings.loopback(), callList, callList, feed,
                hazelcast, Clock.systemUTC());
        ManagedChannel toClosing = ManagedChannelBuilder.forAddress("127.0.0.1", closing.port()).usePlaintext().build();
        try {
            HealthCheckResponse health = HealthGrpc.newBlockingStub(toClosing).check(HealthCheckRequest.newBuilder()
                    .setService(OutcomeServiceGrpc.SERVICE_NAME).build());
            assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
            Subscriber subscriber = Subscriber.subscribe(OutcomeServiceGrpc.newStub(toClosing),
                    forCampaign("closing"));
            feed.attemptEnded(attempt("closing-1", "closing"));
            subscriber.take(1);

            long started = System.nanoTime();
            closing.close();

            assertThat(subscriber.endStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            // The open stream was ended, not waited for until the grace period ran out.
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(CrmBridgeSettings.loopback().shutdownGrace());
        } finally {
            toClosing.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Makes sure the subscription is live and at the end of the feed, whatever else is held. */
    private static void caughtUp(Subscriber subscriber, String campaignId) throws Exception {
        feed.attemptEnded(attempt(campaignId + "-marker", campaignId));
        subscriber.request(1);
        assertThat(subscriber.take(1)).extracting(OutcomeStreamingTest::describe)
                .containsExactly("attempt " + campaignId + "-marker");
    }

    /** Outcomes with 4 KiB of notes each: a few of them fill the narrow client's window. */
    private static void appendLargeOutcomes(String campaignId, int count) throws Exception {
        String notes = "x".repeat(4 * 1024);
        for (int i = 0; i < count; i++) {
            feed.outcomeRecorded(new Outcome(campaignId + "-" + i, "case-" + campaignId, campaignId, "debtor-1",
                    "agent-1", new Disposition.NoContact(), notes, T0));
        }
        flushed();
    }

    private static List<String> attemptIds(String campaignId, int from, int to) {
        return IntStream.range(from, to).mapToObj(n -> campaignId + "-" + n).toList();
    }

    private static StreamOutcomesRequest forCampaign(String campaignId) {
        return StreamOutcomesRequest.newBuilder().setCampaignId(campaignId).build();
    }

    private static void flushed() throws Exception {
        feed.flushed().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static CallAttempt attempt(String attemptId, String campaignId) {
        return new CallAttempt(attemptId, "case-" + attemptId, campaignId, "+420601123456", Optional.of("agent-7"),
                T0, Optional.of(T0.plusSeconds(12)), T0.plusSeconds(90), CallResult.ANSWERED, 16);
    }

    private static Outcome promise(String attemptId, String campaignId, String amount, LocalDate by) {
        return new Outcome(attemptId, "case-" + attemptId, campaignId, "debtor-1", "agent-7",
                new Disposition.PromiseToPay(new BigDecimal(amount), by), "pays after payday", T0.plusSeconds(120));
    }

    private static Outcome refused(String attemptId, String campaignId) {
        return new Outcome(attemptId, "case-" + attemptId, campaignId, "debtor-1", "agent-7",
                new Disposition.Refused(), "", T0.plusSeconds(120));
    }

    private static String describe(OutcomeEvent event) {
        return switch (event.getEventCase()) {
            case ATTEMPT_ENDED -> "attempt " + event.getAttemptEnded().getAttemptId();
            case OUTCOME_RECORDED -> "outcome " + event.getOutcomeRecorded().getAttemptId() + " "
                    + event.getOutcomeRecorded().getDisposition();
            case EVENT_NOT_SET -> "empty";
        };
    }

    @SafeVarargs
    private static List<Long> cursors(List<OutcomeEvent>... batches) {
        return java.util.Arrays.stream(batches).flatMap(List::stream).map(e -> Long.parseLong(e.getCursor())).toList();
    }
}
