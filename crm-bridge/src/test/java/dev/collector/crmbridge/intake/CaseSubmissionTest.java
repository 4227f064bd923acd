package dev.collector.crmbridge.intake;

import static dev.collector.crmbridge.intake.WireCases.claim;
import static dev.collector.crmbridge.intake.WireCases.date;
import static dev.collector.crmbridge.intake.WireCases.money;
import static dev.collector.crmbridge.intake.WireCases.validCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.Status;
import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.crmbridge.CrmBridgeServer;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.crmbridge.feed.HazelcastCrmFeed;
import dev.collector.domain.casework.Case;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.Debtor;
import dev.collector.protos.v1.SubmitCasesRequest;
import dev.collector.protos.v1.SubmitCasesResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SubmitCases over real gRPC into the real call list on an embedded Hazelcast member. */
class CaseSubmissionTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    static HazelcastInstance hazelcast;
    static ExecutorService worker;
    static HazelcastCallList callList;
    static CrmBridgeServer server;
    static ManagedChannel channel;
    static CaseServiceGrpc.CaseServiceBlockingStub cases;

    @BeforeAll
    static void start() {
        hazelcast = HazelcastMember.start(new HazelcastSettings(
                "crm-bridge-intake-" + ProcessHandle.current().pid(), "127.0.0.1", 5901, List.of()));
        worker = Executors.newFixedThreadPool(2);
        callList = new HazelcastCallList(hazelcast, worker, CaseQueueSettings.defaults(), new InMemoryComplianceAudit(),
                Clock.systemUTC());
        server = CrmBridgeServer.start(CrmBridgeSettings.loopback(), callList, callList,
                new HazelcastCrmFeed(hazelcast, 1000), hazelcast, Clock.fixed(NOW, ZoneOffset.UTC));
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

    @Test
    void aBatchOfValidCasesIsAdmittedIntoTheCallListAndAcknowledged() throws Exception {
        SubmitCasesResponse response = cases.withDeadlineAfter(10, TimeUnit.SECONDS).submitCases(
                SubmitCasesRequest.newBuilder()
                        .addCases(validCase("ok-1", "intake-ok"))
                        .addCases(validCase("ok-2", "intake-ok").setPriority(9))
                        .addCases(validCase("ok-3", "intake-ok").setTimeZone("America/New_York")
                                .setPhoneNumbers(0, "+12125550123"))
                        .build());

        assertThat(response.getAcceptedCaseIdsList()).containsExactly("ok-1", "ok-2", "ok-3");
        assertThat(waiting("intake-ok")).isEqualTo(3);
        Case admitted = find("ok-1").orElseThrow();
        assertThat(admitted.debtor().name()).isEqualTo("Jana Nováková");
        assertThat(admitted.claims()).singleElement().satisfies(claim -> {
            assertThat(claim.amountDue()).isEqualTo(new BigDecimal("120.50"));
            assertThat(claim.currency()).isEqualTo("EUR");
        });
        assertThat(admitted.receivedAt()).isEqualTo(NOW);
        assertThat(callList.entryOf("ok-2").toCompletableFuture().get().orElseThrow().status())
                .isEqualTo(CaseStatus.WAITING);
    }

    @Test
    void invalidCasesAreRefusedFieldByFieldWhileTheValidOnesOfTheSameBatchAreAdmitted() throws Exception {
        SubmitCasesRequest request = SubmitCasesRequest.newBuilder()
                .addCases(validCase("mixed-0", "intake-mixed"))
                .addCases(validCase("mixed-1", "intake-mixed").setDebtor(Debtor.newBuilder().setName("Petr Svoboda")))
                .addCases(validCase("mixed-2", "intake-mixed").clearPhoneNumbers())
                .addCases(validCase("mixed-3", "intake-mixed"))
                .addCases(validCase("mixed-4", "intake-mixed")
                        .addClaims(claim("cl-negative", money("EUR", -40, 0), date(2026, 8, 1))))
                .addCases(validCase("mixed-5", "intake-mixed").addPhoneNumbers("0601 123 456"))
                .addCases(validCase("mixed-6", "intake-mixed").setTimeZone("Mars/Olympus_Mons"))
                .build();

        StatusRuntimeException refusal = catchThrowableOfType(StatusRuntimeException.class,
                () -> cases.withDeadlineAfter(10, TimeUnit.SECONDS).submitCases(request));

        Status status = StatusProto.fromThrowable(refusal);
        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(status.getMessage()).startsWith("5 of 7 cases refused");
        assertThat(detail(status, BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField, v -> !v.getDescription().isBlank())
                .containsExactly(
                        tuple("cases[1].debtor.debtor_id", true),
                        tuple("cases[2].phone_numbers", true),
                        tuple("cases[4].claims[1].amount_due", true),
                        tuple("cases[5].phone_numbers[1]", true),
                        tuple("cases[6].time_zone", true));
        assertThat(detail(status, SubmitCasesResponse.class).getAcceptedCaseIdsList())
                .containsExactly("mixed-0", "mixed-3");

        assertThat(find("mixed-0")).isPresent();
        assertThat(find("mixed-3")).isPresent();
        for (String refused : List.of("mixed-1", "mixed-2", "mixed-4", "mixed-5", "mixed-6")) {
            assertThat(find(refused)).as(refused).isEmpty();
        }
        assertThat(waiting("intake-mixed")).isEqualTo(2);
    }

    @Test
    void aCaseIdRepeatedInOneRequestIsAdmittedOnceAndTheRepeatIsRefused() throws Exception {
        StatusRuntimeException refusal = catchThrowableOfType(StatusRuntimeException.class,
                () -> cases.submitCases(SubmitCasesRequest.newBuilder()
                        .addCases(validCase("twice", "intake-twice"))
                        .addCases(validCase("twice", "intake-twice").setPriority(1))
                        .build()));

        Status status = StatusProto.fromThrowable(refusal);
        assertThat(detail(status, BadRequest.class).getFieldViolationsList()).singleElement().satisfies(v -> {
            assertThat(v.getField()).isEqualTo("cases[1].case_id");
            assertThat(v.getDescription()).isEqualTo("\"twice\" is also the id of cases[0]; a request may carry"
                    + " each case once");
        });
        assertThat(detail(status, SubmitCasesResponse.class).getAcceptedCaseIdsList()).containsExactly("twice");
        assertThat(find("twice").orElseThrow().priority()).isEqualTo(5);
    }

    @Test
    void anEmptyBatchIsRefusedAsAWhole() throws Exception {
        StatusRuntimeException refusal = catchThrowableOfType(StatusRuntimeException.class,
                () -> cases.submitCases(SubmitCasesRequest.getDefaultInstance()));

        Status status = StatusProto.fromThrowable(refusal);
        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(detail(status, BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField).containsExactly("cases");
    }

    private static <T extends com.google.protobuf.Message> T detail(Status status, Class<T> type)
            throws InvalidProtocolBufferException {
        for (com.google.protobuf.Any any : status.getDetailsList()) {
            if (any.is(type)) {
                return any.unpack(type);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + status);
    }

    private static Optional<Case> find(String caseId) throws Exception {
        return callList.find(caseId).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static int waiting(String campaignId) throws Exception {
        return callList.waiting(campaignId).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
