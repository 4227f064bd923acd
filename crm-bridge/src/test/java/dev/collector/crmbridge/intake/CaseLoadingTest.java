package dev.collector.crmbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.type.Date;
import com.google.type.Money;
import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.crmbridge.CrmBridgeServer;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.crmbridge.auth.CrmClients;
import dev.collector.crmbridge.feed.HazelcastCrmFeed;
import dev.collector.protos.v1.Campaign;
import dev.collector.protos.v1.CampaignServiceGrpc;
import dev.collector.protos.v1.Case;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.Claim;
import dev.collector.protos.v1.CloseCampaignRequest;
import dev.collector.protos.v1.CreateCampaignRequest;
import dev.collector.protos.v1.Debtor;
import dev.collector.protos.v1.DialMode;
import dev.collector.protos.v1.LoadCasesRequest;
import dev.collector.protos.v1.LoadCasesResponse;
import dev.collector.protos.v1.RejectedCase;
import dev.collector.protos.v1.RejectionReason;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LoadCases over real gRPC (Netty on loopback) into the real call list on an embedded Hazelcast
 * member, with two authenticated tenants.
 */
class CaseLoadingTest {

    static HazelcastInstance hazelcast;
    static ExecutorService worker;
    static HazelcastCallList callList;
    static CrmBridgeServer server;
    static ManagedChannel channel;
    static CaseServiceGrpc.CaseServiceStub bankA;
    static CaseServiceGrpc.CaseServiceStub bankB;

    @BeforeAll
    static void start() {
        hazelcast = HazelcastMember.start(new HazelcastSettings(
                "crm-bridge-loading-" + ProcessHandle.current().pid(), "127.0.0.1", 5977, List.of()));
        worker = Executors.newFixedThreadPool(2);
        Clock clock = Clock.systemUTC();
        callList = new HazelcastCallList(hazelcast, worker, CaseQueueSettings.defaults(), new InMemoryComplianceAudit(),
                clock);
        CrmClients clients = CrmClients.parse("crm-a:bank-a:token-sha256=" + CrmClients.sha256Hex("token-a")
                + ",crm-b:bank-b:token-sha256=" + CrmClients.sha256Hex("token-b"));
        server = CrmBridgeServer.start(CrmBridgeSettings.loopback().withClients(clients), callList, callList,
                new HazelcastCrmFeed(hazelcast, 1000), hazelcast, clock);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        bankA = withToken(CaseServiceGrpc.newStub(channel), "token-a");
        bankB = withToken(CaseServiceGrpc.newStub(channel), "token-b");
        createCampaign("token-a", "a-early");
        createCampaign("token-a", "a-late");
        createCampaign("token-a", "a-closed");
        withToken(CampaignServiceGrpc.newBlockingStub(channel), "token-a").closeCampaign(
                CloseCampaignRequest.newBuilder().setCampaignId("a-closed").setReason("season over").build());
        createCampaign("token-b", "b-early");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
        hazelcast.shutdown();
        worker.shutdownNow();
    }

    @Test
    void a_bad_case_is_named_in_its_batch_acknowledgement_and_the_good_ones_are_admitted() throws Exception {
        List<Case> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(aCase("mixed-" + i, "a-early"));
        }
        batch.set(3, batch.get(3).toBuilder().setPhoneNumbers(0, "0601123456").build());
        batch.set(7, batch.get(7).toBuilder().setTimeZone("Mars/Olympus").clearDebtor().build());

        List<LoadCasesResponse> acks = load(bankA, List.of(request("b1", batch))).get(20, TimeUnit.SECONDS);

        assertThat(acks).hasSize(1);
        LoadCasesResponse ack = acks.get(0);
        assertThat(ack.getBatchId()).isEqualTo("b1");
        assertThat(ack.getAcceptedCount()).isEqualTo(8);
        assertThat(ack.getAcceptedTotal()).isEqualTo(8);
        assertThat(ack.getRejectedList()).extracting(RejectedCase::getIndex).containsExactly(3, 7);
        assertThat(ack.getRejected(0).getCaseId()).isEqualTo("mixed-3");
        assertThat(ack.getRejected(0).getReason()).isEqualTo(RejectionReason.REJECTION_REASON_INVALID);
        assertThat(ack.getRejected(0).getViolationsList()).extracting(v -> v.getField())
                .containsExactly("phone_numbers[0]");
        assertThat(ack.getRejected(1).getViolationsList()).extracting(v -> v.getField())
                .contains("debtor.debtor_id", "debtor.name", "time_zone");
        assertThat(statusOf("mixed-0")).isEqualTo(CaseStatus.WAITING);
        assertThat(callList.entryOf("mixed-3").toCompletableFuture().get()).isEmpty();
    }

    @Test
    void batches_are_acknowledged_in_order_and_the_stream_completes_after_the_last() throws Exception {
        List<LoadCasesRequest> batches = new ArrayList<>();
        for (int b = 0; b < 12; b++) {
            int first = b * 100;
            batches.add(request("order-" + b, IntStream.range(first, first + 100)
                    .mapToObj(i -> aCase("order-case-" + i, "a-late")).toList()));
        }

        List<LoadCasesResponse> acks = load(bankA, batches).get(30, TimeUnit.SECONDS);

        assertThat(acks).extracting(LoadCasesResponse::getBatchId)
                .containsExactly(batches.stream().map(LoadCasesRequest::getBatchId).toArray(String[]::new));
        assertThat(acks).extracting(LoadCasesResponse::getAcceptedTotal)
                .containsExactly(IntStream.rangeClosed(1, 12).mapToObj(n -> 100L * n).toArray(Long[]::new));
        assertThat(callList.count("a-late", CaseStatus.WAITING).toCompletableFuture().get()).isEqualTo(1200);
    }

    @Test
    void a_case_sent_again_in_a_later_batch_of_the_same_stream_ends_as_the_later_copy() throws Exception {
        // Batches without a case in common are admitted together; these share "changing" and
        // must still apply in stream order, however fast the client sends them.
        List<LoadCasesRequest> batches = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                cases.add(aCase("filler-" + b + "-" + i, "a-early"));
            }
            if (b % 2 == 0) {
                cases.add(aCase("changing", "a-early").toBuilder().setPriority(b).build());
            }
            batches.add(request("overlap-" + b, cases));
        }

        List<LoadCasesResponse> acks = load(bankA, batches).get(30, TimeUnit.SECONDS);

        assertThat(acks).extracting(LoadCasesResponse::getBatchId)
                .containsExactly(batches.stream().map(LoadCasesRequest::getBatchId).toArray(String[]::new));
        assertThat(acks.get(acks.size() - 1).getAcceptedTotal()).isEqualTo(8 * 50 + 4);
        assertThat(callList.find("changing").toCompletableFuture().get().orElseThrow().priority()).isEqualTo(6);
    }

    @Test
    void resending_a_batch_doubles_nothing() throws Exception {
        LoadCasesRequest batch = request("again", IntStream.range(0, 50)
                .mapToObj(i -> aCase("resent-" + i, "a-early").toBuilder().setPriority(9).build()).toList());

        load(bankA, List.of(batch)).get(20, TimeUnit.SECONDS);
        List<LoadCasesResponse> second = load(bankA, List.of(batch)).get(20, TimeUnit.SECONDS);

        assertThat(second.get(0).getAcceptedCount()).isEqualTo(50);
        long resentWaiting = hazelcast.<String, CaseEntry>getMap(HazelcastCallList.CASES).keySet().stream()
                .filter(id -> id.startsWith("resent-")).count();
        assertThat(resentWaiting).isEqualTo(50);
        // each case is leased once: the queue's second entries for them are stale and dropped
        List<String> leased = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            callList.leaseNext("a-early").toCompletableFuture().get()
                    .ifPresent(lease -> leased.add(lease.caseId()));
        }
        assertThat(leased).doesNotHaveDuplicates();
    }

    @Test
    void an_older_version_is_refused_and_the_newer_case_stays() throws Exception {
        Case newer = aCase("versioned", "a-early").toBuilder().setVersion(7).setPriority(3).build();
        Case older = newer.toBuilder().setVersion(5).setPriority(1).build();
        Case same = newer.toBuilder().build();

        load(bankA, List.of(request("v7", List.of(newer)))).get(20, TimeUnit.SECONDS);
        LoadCasesResponse stale = load(bankA, List.of(request("v5", List.of(older)))).get(20, TimeUnit.SECONDS).get(0);
        LoadCasesResponse resend = load(bankA, List.of(request("v7-again", List.of(same)))).get(20, TimeUnit.SECONDS)
                .get(0);

        assertThat(stale.getAcceptedCount()).isZero();
        assertThat(stale.getRejected(0).getReason()).isEqualTo(RejectionReason.REJECTION_REASON_STALE_VERSION);
        assertThat(stale.getRejected(0).getViolations(0).getField()).isEqualTo("version");
        assertThat(resend.getAcceptedCount()).isEqualTo(1);
        dev.collector.domain.casework.Case held = callList.find("versioned").toCompletableFuture().get().orElseThrow();
        assertThat(held.version()).isEqualTo(7);
        assertThat(held.priority()).isEqualTo(3);
    }

    @Test
    void cases_for_a_missing_or_closed_campaign_or_another_tenants_are_refused_each_with_its_reason()
            throws Exception {
        List<Case> batch = List.of(
                aCase("to-missing", "no-such-campaign"),
                aCase("to-closed", "a-closed"),
                aCase("to-other-tenant", "b-early"),
                aCase("to-own", "a-early"));

        LoadCasesResponse ack = load(bankA, List.of(request("mixed-campaigns", batch))).get(20, TimeUnit.SECONDS).get(0);

        assertThat(ack.getAcceptedCount()).isEqualTo(1);
        assertThat(ack.getRejectedList()).extracting(RejectedCase::getCaseId, RejectedCase::getReason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("to-missing", RejectionReason.REJECTION_REASON_CAMPAIGN_NOT_OPEN),
                org.assertj.core.groups.Tuple.tuple("to-closed", RejectionReason.REJECTION_REASON_CAMPAIGN_NOT_OPEN),
                org.assertj.core.groups.Tuple.tuple("to-other-tenant",
                        RejectionReason.REJECTION_REASON_PERMISSION_DENIED));
        assertThat(callList.entryOf("to-other-tenant").toCompletableFuture().get()).isEmpty();
    }

    @Test
    void a_case_id_held_by_another_tenant_is_not_taken_over_but_a_case_may_move_between_own_campaigns()
            throws Exception {
        load(bankB, List.of(request("b", List.of(aCase("shared-id", "b-early"))))).get(20, TimeUnit.SECONDS);
        load(bankA, List.of(request("a0", List.of(aCase("moving", "a-early"))))).get(20, TimeUnit.SECONDS);

        LoadCasesResponse takeOver = load(bankA, List.of(request("a1", List.of(aCase("shared-id", "a-early")))))
                .get(20, TimeUnit.SECONDS).get(0);
        LoadCasesResponse move = load(bankA, List.of(request("a2", List.of(aCase("moving", "a-late")))))
                .get(20, TimeUnit.SECONDS).get(0);

        assertThat(takeOver.getRejected(0).getReason()).isEqualTo(RejectionReason.REJECTION_REASON_PERMISSION_DENIED);
        assertThat(callList.find("shared-id").toCompletableFuture().get().orElseThrow().campaignId())
                .isEqualTo("b-early");
        assertThat(move.getAcceptedCount()).isEqualTo(1);
        assertThat(callList.find("moving").toCompletableFuture().get().orElseThrow().campaignId()).isEqualTo("a-late");
    }

    @Test
    void an_unauthenticated_stream_is_refused() {
        CompletableFuture<List<LoadCasesResponse>> refused = load(CaseServiceGrpc.newStub(channel),
                List.of(request("anon", List.of(aCase("anon-1", "a-early")))));

        assertThat(refused).failsWithin(java.time.Duration.ofSeconds(20))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .satisfies(e -> assertThat(Status.fromThrowable(e.getCause()).getCode())
                        .isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Sends all batches, closes its side, and collects the acknowledgements until the server completes. */
    static CompletableFuture<List<LoadCasesResponse>> load(CaseServiceGrpc.CaseServiceStub stub,
            List<LoadCasesRequest> batches) {
        CompletableFuture<List<LoadCasesResponse>> done = new CompletableFuture<>();
        List<LoadCasesResponse> acks = new ArrayList<>();
        StreamObserver<LoadCasesRequest> requests = stub.loadCases(new StreamObserver<>() {
            @Override
            public void onNext(LoadCasesResponse ack) {
                acks.add(ack);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                done.complete(acks);
            }
        });
        batches.forEach(requests::onNext);
        requests.onCompleted();
        return done;
    }

    static LoadCasesRequest request(String batchId, List<Case> cases) {
        return LoadCasesRequest.newBuilder().setBatchId(batchId).addAllCases(cases).build();
    }

    static Case aCase(String caseId, String campaignId) {
        return Case.newBuilder()
                .setCaseId(caseId)
                .setCampaignId(campaignId)
                .setDebtor(Debtor.newBuilder().setDebtorId("debtor-" + caseId).setName("Jana Nováková"))
                .addClaims(Claim.newBuilder().setClaimId("claim-1")
                        .setAmountDue(Money.newBuilder().setCurrencyCode("CZK").setUnits(12_500).setNanos(500_000_000))
                        .setDueDate(Date.newBuilder().setYear(2026).setMonth(1).setDay(15)))
                .addPhoneNumbers("+420601123456")
                .setTimeZone("Europe/Prague")
                .build();
    }

    static CaseStatus statusOf(String caseId) throws Exception {
        return callList.entryOf(caseId).toCompletableFuture().get().orElseThrow().status();
    }

    static void createCampaign(String token, String campaignId) {
        withToken(CampaignServiceGrpc.newBlockingStub(channel), token).createCampaign(CreateCampaignRequest.newBuilder()
                .setCampaign(Campaign.newBuilder().setCampaignId(campaignId).setDialMode(DialMode.DIAL_MODE_PROGRESSIVE))
                .build());
    }

    static <S extends AbstractStub<S>> S withToken(S stub, String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
