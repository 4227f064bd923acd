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
import com.google.rpc.PreconditionFailure;
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
import dev.collector.crmbridge.auth.CrmClients;
import dev.collector.crmbridge.feed.HazelcastCrmFeed;
import dev.collector.domain.casework.Case;
import dev.collector.protos.v1.CampaignServiceGrpc;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.CloseCampaignRequest;
import dev.collector.protos.v1.CreateCampaignRequest;
import dev.collector.protos.v1.Debtor;
import dev.collector.protos.v1.DialMode;
import dev.collector.protos.v1.SubmitCasesRequest;
import dev.collector.protos.v1.SubmitCasesResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
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

/**
 * SubmitCases over real gRPC into the real call list on an embedded Hazelcast member, with the
 * campaigns created through CampaignService as a CRM would. Most tests call as the built-in
 * caller of a bridge without configured clients; the tenant tests use a second bridge on the same
 * member, with a client for each of two banks.
 */
class CaseSubmissionTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final String TOKEN_A = "token-of-bank-a-crm-71c4";
    static final String TOKEN_B = "token-of-bank-b-crm-0e9d";

    static HazelcastInstance hazelcast;
    static ExecutorService worker;
    static HazelcastCallList callList;
    static CrmBridgeServer server;
    static ManagedChannel channel;
    static CaseServiceGrpc.CaseServiceBlockingStub cases;
    static CampaignServiceGrpc.CampaignServiceBlockingStub campaigns;
    static CrmBridgeServer tenantsServer;
    static ManagedChannel tenantsChannel;

    @BeforeAll
    static void start() throws Exception {
        hazelcast = HazelcastMember.start(new HazelcastSettings(
                "crm-bridge-intake-" + ProcessHandle.current().pid(), "127.0.0.1", 5901, List.of()));
        worker = Executors.newFixedThreadPool(2);
        callList = new HazelcastCallList(hazelcast, worker, CaseQueueSettings.defaults(), new InMemoryComplianceAudit(),
                Clock.systemUTC());
        server = CrmBridgeServer.start(CrmBridgeSettings.loopback(), callList, callList,
                new HazelcastCrmFeed(hazelcast, 1000), hazelcast, Clock.fixed(NOW, ZoneOffset.UTC));
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        cases = CaseServiceGrpc.newBlockingStub(channel);
        campaigns = CampaignServiceGrpc.newBlockingStub(channel);
        for (String campaignId : List.of("intake-ok", "intake-mixed", "intake-twice", "intake-versions",
                "intake-known", "intake-closed")) {
            createCampaign(campaigns, campaignId);
        }
        campaigns.closeCampaign(CloseCampaignRequest.newBuilder().setCampaignId("intake-closed")
                .setReason("the portfolio was sold").build());

        tenantsServer = CrmBridgeServer.start(CrmBridgeSettings.loopback().withClients(CrmClients.parse(
                        "crm-a:bank-a:token-sha256=" + CrmClients.sha256Hex(TOKEN_A)
                                + ",crm-b:bank-b:token-sha256=" + CrmClients.sha256Hex(TOKEN_B))),
                callList, callList, new HazelcastCrmFeed(hazelcast, 1000), hazelcast, Clock.fixed(NOW, ZoneOffset.UTC));
        tenantsChannel = ManagedChannelBuilder.forAddress("127.0.0.1", tenantsServer.port()).usePlaintext().build();
        createCampaign(withToken(CampaignServiceGrpc.newBlockingStub(tenantsChannel), TOKEN_A), "bank-a-intake");
        createCampaign(withToken(CampaignServiceGrpc.newBlockingStub(tenantsChannel), TOKEN_B), "bank-b-intake");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        tenantsChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
        tenantsServer.close();
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
    void aCaseForACampaignThatDoesNotExistOrIsClosedIsRefusedWhileTheOthersAreAdmitted() throws Exception {
        StatusRuntimeException refusal = catchThrowableOfType(StatusRuntimeException.class,
                () -> cases.withDeadlineAfter(10, TimeUnit.SECONDS).submitCases(SubmitCasesRequest.newBuilder()
                        .addCases(validCase("known-0", "intake-known"))
                        .addCases(validCase("unknown-1", "intake-never-created"))
                        .addCases(validCase("closed-2", "intake-closed"))
                        .addCases(validCase("known-3", "intake-known"))
                        .build()));

        Status status = StatusProto.fromThrowable(refusal);
        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(status.getMessage()).startsWith("2 of 4 cases refused (cases[1], cases[2])");
        assertThat(detail(status, BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField, BadRequest.FieldViolation::getDescription)
                .containsExactly(
                        tuple("cases[1].campaign_id", "no open campaign \"intake-never-created\"; create it with"
                                + " CampaignService.CreateCampaign first"),
                        tuple("cases[2].campaign_id", "no open campaign \"intake-closed\"; create it with"
                                + " CampaignService.CreateCampaign first"));
        assertThat(detail(status, SubmitCasesResponse.class).getAcceptedCaseIdsList())
                .containsExactly("known-0", "known-3");
        assertThat(find("unknown-1")).isEmpty();
        assertThat(find("closed-2")).isEmpty();
        assertThat(waiting("intake-known")).isEqualTo(2);
    }

    @Test
    void aRequestNamingAnotherTenantsCampaignIsRefusedAsAWholeWithoutNamingThatTenant() throws Exception {
        StatusRuntimeException refusal = catchThrowableOfType(StatusRuntimeException.class,
                () -> withToken(CaseServiceGrpc.newBlockingStub(tenantsChannel), TOKEN_A)
                        .withDeadlineAfter(10, TimeUnit.SECONDS)
                        .submitCases(SubmitCasesRequest.newBuilder()
                                .addCases(validCase("bank-a-own", "bank-a-intake"))
                                .addCases(validCase("bank-a-in-b", "bank-b-intake"))
                                .build()));

        Status status = StatusProto.fromThrowable(refusal);
        assertThat(status.getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
        assertThat(status.getMessage())
                .isEqualTo("nothing admitted: a campaign that is not yours is named by cases[1]");
        assertThat(status.getDetailsList()).noneMatch(any -> any.is(SubmitCasesResponse.class));
        assertThat(find("bank-a-own")).isEmpty();
        assertThat(find("bank-a-in-b")).isEmpty();
        // the campaign's own tenant may
        assertThat(withToken(CaseServiceGrpc.newBlockingStub(tenantsChannel), TOKEN_B)
                .submitCases(SubmitCasesRequest.newBuilder().addCases(validCase("bank-b-own", "bank-b-intake")).build())
                .getAcceptedCaseIdsList()).containsExactly("bank-b-own");
    }

    @Test
    void aCaseOlderThanTheVersionHeldIsRefusedAsStaleAndTheHeldOneStays() throws Exception {
        cases.submitCases(SubmitCasesRequest.newBuilder()
                .addCases(validCase("versioned", "intake-versions").setVersion(7).setPriority(8))
                .build());

        StatusRuntimeException refusal = catchThrowableOfType(StatusRuntimeException.class,
                () -> cases.withDeadlineAfter(10, TimeUnit.SECONDS).submitCases(SubmitCasesRequest.newBuilder()
                        .addCases(validCase("fresh", "intake-versions").setVersion(1))
                        .addCases(validCase("versioned", "intake-versions").setVersion(6).setPriority(2))
                        .build()));

        Status status = StatusProto.fromThrowable(refusal);
        assertThat(status.getCode()).isEqualTo(Code.FAILED_PRECONDITION_VALUE);
        assertThat(detail(status, PreconditionFailure.class).getViolationsList()).singleElement().satisfies(v -> {
            assertThat(v.getType()).isEqualTo("STALE_VERSION");
            assertThat(v.getSubject()).isEqualTo("cases[1]");
            assertThat(v.getDescription()).contains("version 6").contains("version 7");
        });
        assertThat(detail(status, SubmitCasesResponse.class).getAcceptedCaseIdsList()).containsExactly("fresh");
        Case held = find("versioned").orElseThrow();
        assertThat(held.version()).isEqualTo(7);
        assertThat(held.priority()).isEqualTo(8);
    }

    @Test
    void aStaleCaseInARequestWithInvalidCasesIsOneMoreFieldViolation() throws Exception {
        cases.submitCases(SubmitCasesRequest.newBuilder()
                .addCases(validCase("versioned-too", "intake-versions").setVersion(3))
                .build());

        StatusRuntimeException refusal = catchThrowableOfType(StatusRuntimeException.class,
                () -> cases.withDeadlineAfter(10, TimeUnit.SECONDS).submitCases(SubmitCasesRequest.newBuilder()
                        .addCases(validCase("versioned-too", "intake-versions").setVersion(2))
                        .addCases(validCase("invalid", "intake-versions").clearPhoneNumbers())
                        .build()));

        Status status = StatusProto.fromThrowable(refusal);
        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(detail(status, BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("cases[0].version", "cases[1].phone_numbers");
        assertThat(find("versioned-too").orElseThrow().version()).isEqualTo(3);
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

    private static void createCampaign(CampaignServiceGrpc.CampaignServiceBlockingStub as, String campaignId) {
        as.withDeadlineAfter(10, TimeUnit.SECONDS).createCampaign(CreateCampaignRequest.newBuilder()
                .setCampaign(dev.collector.protos.v1.Campaign.newBuilder().setCampaignId(campaignId)
                        .setDialMode(DialMode.DIAL_MODE_PROGRESSIVE))
                .build());
    }

    private static <S extends AbstractStub<S>> S withToken(S stub, String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static Optional<Case> find(String caseId) throws Exception {
        return callList.find(caseId).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static int waiting(String campaignId) throws Exception {
        return callList.waiting(campaignId).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
