package dev.collector.crmbridge.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.Status;
import com.google.type.DayOfWeek;
import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.casequeue.campaigns.HazelcastCampaigns;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.crmbridge.CrmBridgeServer;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.crmbridge.auth.Caller;
import dev.collector.crmbridge.auth.CrmClients;
import dev.collector.crmbridge.feed.HazelcastCrmFeed;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.domain.casework.DialLease;
import dev.collector.protos.v1.CallingRules;
import dev.collector.protos.v1.CallingWindow;
import dev.collector.protos.v1.Campaign;
import dev.collector.protos.v1.CampaignServiceGrpc;
import dev.collector.protos.v1.CampaignState;
import dev.collector.protos.v1.CloseCampaignRequest;
import dev.collector.protos.v1.ContactLimits;
import dev.collector.protos.v1.CreateCampaignRequest;
import dev.collector.protos.v1.DialMode;
import dev.collector.protos.v1.GetCampaignRequest;
import dev.collector.protos.v1.ListCampaignsRequest;
import dev.collector.protos.v1.ListCampaignsResponse;
import dev.collector.protos.v1.PauseCampaignRequest;
import dev.collector.protos.v1.ResumeCampaignRequest;
import dev.collector.protos.v1.UpdateCampaignRequest;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CampaignService over real gRPC against the real call list on an embedded Hazelcast member:
 * each change is judged by what the dialer gets when it next leases from the campaign. Each test
 * acts as a tenant of its own, so that listing sees only that test's campaigns.
 */
class CampaignManagementTest {

    /** A Wednesday, 13:00 in Prague. */
    static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");
    static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
    /** Until the authentication interceptor exists here, the test says who calls. */
    static final Metadata.Key<String> TENANT = Metadata.Key.of("x-test-tenant", Metadata.ASCII_STRING_MARSHALLER);

    static HazelcastInstance hazelcast;
    static ExecutorService worker;
    static HazelcastCallList callList;
    static Server server;
    static ManagedChannel channel;
    /** The bridge as the app starts it, on the same call list. */
    static CrmBridgeServer bridge;
    static ManagedChannel bridgeChannel;

    @BeforeAll
    static void start() throws Exception {
        hazelcast = HazelcastMember.start(new HazelcastSettings(
                "crm-bridge-campaigns-" + ProcessHandle.current().pid(), "127.0.0.1", 5971, List.of()));
        worker = Executors.newFixedThreadPool(2);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        callList = new HazelcastCallList(hazelcast, worker, CaseQueueSettings.defaults(), new InMemoryComplianceAudit(),
                clock);
        CampaignEndpoint endpoint = new CampaignEndpoint(new HazelcastCampaigns(hazelcast, callList, callList, clock));
        CrmBridgeSettings settings = CrmBridgeSettings.loopback();
        server = NettyServerBuilder.forAddress(new InetSocketAddress(settings.host(), settings.port()))
                .addService(ServerInterceptors.intercept(endpoint, new TenantFromHeader()))
                .build()
                .start();
        channel = ManagedChannelBuilder.forAddress(settings.host(), server.getPort()).usePlaintext().build();
        bridge = CrmBridgeServer.start(settings, callList, callList, new HazelcastCrmFeed(hazelcast, 100), hazelcast,
                clock);
        bridgeChannel = ManagedChannelBuilder.forAddress(settings.host(), bridge.port()).usePlaintext().build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        bridgeChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        bridge.close();
        hazelcast.shutdown();
        worker.shutdownNow();
    }

    // --- create, get, list -----------------------------------------------------------------------

    @Test
    void aCampaignCreatedWithoutRulesIsActiveAndReadsBackWithTheStrictestRules() {
        Campaign created = as("tenant-create").createCampaign(CreateCampaignRequest.newBuilder()
                .setCampaign(Campaign.newBuilder().setCampaignId("cards-2026.q1").setDisplayName("Cards, Q1")
                        .setDialMode(DialMode.DIAL_MODE_PROGRESSIVE))
                .build());

        assertThat(created.getState()).isEqualTo(CampaignState.CAMPAIGN_STATE_ACTIVE);
        assertThat(created.getTenantId()).isEqualTo("tenant-create");
        assertThat(created.getDisplayName()).isEqualTo("Cards, Q1");
        assertThat(created.getCreateTime().getSeconds()).isEqualTo(NOW.getEpochSecond());
        assertThat(created.getStateTime()).isEqualTo(created.getCreateTime());
        assertThat(created.getCallingRules()).isEqualTo(CallingRules.newBuilder().setDefaults(ContactLimits.newBuilder()
                .setCallingWindow(CallingWindow.newBuilder().setOpens("08:00").setCloses("21:00"))
                .setMaxAttemptsPerDebt(7).setAttemptPeriodDays(7).setQuietAfterConversationDays(7)
                .setAbandonLockoutHours(72)).build());
        assertThat(as("tenant-create").getCampaign(get("cards-2026.q1"))).isEqualTo(created);
    }

    @Test
    void rulesByCountryReadBackAsGivenWithZeroLimitsSpelledOutAsTheirDefaults() {
        CallingRules rules = CallingRules.newBuilder()
                .putByCountry("CZ", ContactLimits.newBuilder()
                        .setCallingWindow(CallingWindow.newBuilder().setOpens("09:00").setCloses("24:00")
                                .addDays(DayOfWeek.SATURDAY).addDays(DayOfWeek.MONDAY))
                        .setMaxAttemptsPerDebt(3).setAttemptPeriodDays(14).setAbandonLockoutHours(24).build())
                .build();

        Campaign created = as("tenant-rules").createCampaign(CreateCampaignRequest.newBuilder()
                .setCampaign(Campaign.newBuilder().setCampaignId("rules").setDialMode(DialMode.DIAL_MODE_PREVIEW)
                        .setCallingRules(rules))
                .build());

        ContactLimits cz = created.getCallingRules().getByCountryOrThrow("CZ");
        assertThat(cz.getCallingWindow().getOpens()).isEqualTo("09:00");
        assertThat(cz.getCallingWindow().getCloses()).isEqualTo("24:00");
        assertThat(cz.getCallingWindow().getDaysList()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
        assertThat(cz.getMaxAttemptsPerDebt()).isEqualTo(3);
        assertThat(cz.getAttemptPeriodDays()).isEqualTo(14);
        assertThat(cz.getQuietAfterConversationDays()).isEqualTo(7);
        assertThat(cz.getAbandonLockoutHours()).isEqualTo(24);
        assertThat(as("tenant-rules").getCampaign(get("rules")).getCallingRules()).isEqualTo(created.getCallingRules());
    }

    @Test
    void eachTenantListsOnlyItsOwnCampaignsInIdOrderAPageAtATime() {
        for (String id : List.of("list-a-3", "list-a-1", "list-a-2")) {
            create("tenant-list-a", id);
        }
        for (String id : List.of("list-b-2", "list-b-1")) {
            create("tenant-list-b", id);
        }

        ListCampaignsResponse first = as("tenant-list-a").listCampaigns(ListCampaignsRequest.newBuilder()
                .setPageSize(2).build());
        ListCampaignsResponse second = as("tenant-list-a").listCampaigns(ListCampaignsRequest.newBuilder()
                .setPageSize(2).setPageToken(first.getNextPageToken()).build());
        ListCampaignsResponse ofB = as("tenant-list-b").listCampaigns(ListCampaignsRequest.getDefaultInstance());

        assertThat(idsOf(first)).containsExactly("list-a-1", "list-a-2");
        assertThat(first.getNextPageToken()).isNotEmpty();
        assertThat(idsOf(second)).containsExactly("list-a-3");
        assertThat(second.getNextPageToken()).isEmpty();
        assertThat(idsOf(ofB)).containsExactly("list-b-1", "list-b-2");
        assertThat(ofB.getNextPageToken()).isEmpty();
        assertThat(ofB.getCampaignsList()).allSatisfy(c -> assertThat(c.getTenantId()).isEqualTo("tenant-list-b"));
        assertThat(idsOf(as("tenant-list-none").listCampaigns(ListCampaignsRequest.getDefaultInstance()))).isEmpty();
    }

    @Test
    void theBridgeServesCampaignsToItsCallersAndReportsTheServiceHealthy() {
        CampaignServiceGrpc.CampaignServiceBlockingStub campaigns = CampaignServiceGrpc.newBlockingStub(bridgeChannel)
                .withDeadlineAfter(10, TimeUnit.SECONDS);

        Campaign created = campaigns.createCampaign(CreateCampaignRequest.newBuilder()
                .setCampaign(Campaign.newBuilder().setCampaignId("through-the-bridge")
                        .setDialMode(DialMode.DIAL_MODE_PREDICTIVE))
                .build());

        // No clients configured on loopback: every call is the built-in caller.
        assertThat(created.getTenantId()).isEqualTo(CrmClients.BUILT_IN.tenantId());
        assertThat(campaigns.getCampaign(get("through-the-bridge"))).isEqualTo(created);
        assertThat(HealthGrpc.newBlockingStub(bridgeChannel).check(HealthCheckRequest.newBuilder()
                .setService(CampaignServiceGrpc.SERVICE_NAME).build()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    // --- refusals --------------------------------------------------------------------------------

    @Test
    void aBadCampaignIsRefusedWithEveryBadFieldNamedAndNothingCreated() {
        CallingRules rules = CallingRules.newBuilder()
                .setDefaults(ContactLimits.newBuilder().setMaxAttemptsPerDebt(51).setQuietAfterConversationDays(-1))
                .putByCountry("CZ", ContactLimits.newBuilder()
                        .setCallingWindow(CallingWindow.newBuilder().setOpens("25:00").setCloses("8:00")).build())
                .putByCountry("US", ContactLimits.newBuilder()
                        .setCallingWindow(CallingWindow.newBuilder().setOpens("21:00").setCloses("08:00")
                                .addDays(DayOfWeek.DAY_OF_WEEK_UNSPECIFIED)).build())
                .putByCountry("XX", ContactLimits.newBuilder().setAbandonLockoutHours(721).build())
                .build();

        Status refused = refusal(() -> as("tenant-bad").createCampaign(CreateCampaignRequest.newBuilder()
                .setCampaign(Campaign.newBuilder().setCampaignId("no spaces allowed").setDisplayName("x".repeat(201))
                        .setCallingRules(rules))
                .build()));

        assertThat(refused.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(fieldsOf(refused)).containsExactlyInAnyOrder(
                "campaign.campaign_id",
                "campaign.display_name",
                "campaign.dial_mode",
                "campaign.calling_rules.defaults.max_attempts_per_debt",
                "campaign.calling_rules.defaults.quiet_after_conversation_days",
                "campaign.calling_rules.by_country[\"CZ\"].calling_window.opens",
                "campaign.calling_rules.by_country[\"CZ\"].calling_window.closes",
                "campaign.calling_rules.by_country[\"US\"].calling_window.closes",
                "campaign.calling_rules.by_country[\"US\"].calling_window.days[0]",
                "campaign.calling_rules.by_country[\"XX\"]",
                "campaign.calling_rules.by_country[\"XX\"].abandon_lockout_hours");
        assertThat(idsOf(as("tenant-bad").listCampaigns(ListCampaignsRequest.getDefaultInstance()))).isEmpty();

        Status noCampaign = refusal(() -> as("tenant-bad").createCampaign(CreateCampaignRequest.getDefaultInstance()));
        assertThat(fieldsOf(noCampaign)).containsExactly("campaign");
        Status badPage = refusal(() -> as("tenant-bad").listCampaigns(ListCampaignsRequest.newBuilder()
                .setPageSize(501).setPageToken("not a token").build()));
        assertThat(fieldsOf(badPage)).containsExactly("page_size", "page_token");
        Status noReason = refusal(() -> as("tenant-bad").closeCampaign(CloseCampaignRequest.newBuilder()
                .setCampaignId("anything").build()));
        assertThat(fieldsOf(noReason)).containsExactly("reason");
    }

    @Test
    void aCampaignIdIsTakenForEveryTenantOnceCreated() {
        create("tenant-first", "taken");

        Status again = refusal(() -> create("tenant-first", "taken"));
        Status byAnother = refusal(() -> create("tenant-second", "taken"));

        assertThat(again.getCode()).isEqualTo(Code.ALREADY_EXISTS_VALUE);
        assertThat(byAnother.getCode()).isEqualTo(Code.ALREADY_EXISTS_VALUE);
        assertThat(as("tenant-first").getCampaign(get("taken")).getTenantId()).isEqualTo("tenant-first");
    }

    @Test
    void anotherTenantsCampaignLooksMissingAndStaysUntouched() {
        create("tenant-owner", "owned");
        CampaignServiceGrpc.CampaignServiceBlockingStub stranger = as("tenant-stranger");

        List<Status> refusals = List.of(
                refusal(() -> stranger.getCampaign(get("owned"))),
                refusal(() -> stranger.pauseCampaign(PauseCampaignRequest.newBuilder().setCampaignId("owned").build())),
                refusal(() -> stranger.resumeCampaign(ResumeCampaignRequest.newBuilder().setCampaignId("owned").build())),
                refusal(() -> stranger.updateCampaign(UpdateCampaignRequest.newBuilder().setCampaignId("owned")
                        .setDialMode(DialMode.DIAL_MODE_PREDICTIVE).build())),
                refusal(() -> stranger.closeCampaign(CloseCampaignRequest.newBuilder().setCampaignId("owned")
                        .setReason("mine now").build())),
                refusal(() -> stranger.getCampaign(get("never-created"))));

        assertThat(refusals).extracting(Status::getCode).containsOnly(Code.NOT_FOUND_VALUE);
        // The same words for someone else's campaign as for none at all.
        assertThat(refusals.get(0).getMessage()).isEqualTo(refusals.get(5).getMessage().replace("never-created", "owned"));
        Campaign owned = as("tenant-owner").getCampaign(get("owned"));
        assertThat(owned.getState()).isEqualTo(CampaignState.CAMPAIGN_STATE_ACTIVE);
        assertThat(owned.getDialMode()).isEqualTo(DialMode.DIAL_MODE_PROGRESSIVE);
    }

    // --- pausing, changing the rules, closing ---------------------------------------------------

    @Test
    void aPausedCampaignIsNotDialedAndDialsAgainOnceResumed() throws Exception {
        createOpenAllDay("tenant-pause", "paused");
        admit(aCase("paused-1", "paused", "debtor-paused-1", "+420601000201"));

        Campaign paused = as("tenant-pause").pauseCampaign(PauseCampaignRequest.newBuilder().setCampaignId("paused")
                .setReason("agents in training").build());
        Campaign pausedAgain = as("tenant-pause").pauseCampaign(PauseCampaignRequest.newBuilder()
                .setCampaignId("paused").build());

        assertThat(paused.getState()).isEqualTo(CampaignState.CAMPAIGN_STATE_PAUSED);
        assertThat(pausedAgain).isEqualTo(paused);
        assertThat(leaseNext("paused")).isEmpty();
        // The case keeps its place while the campaign rests.
        assertThat(entry("paused-1").status()).isEqualTo(CaseStatus.WAITING);
        assertThat(await(callList.waiting("paused"))).isEqualTo(1);

        Campaign resumed = as("tenant-pause").resumeCampaign(ResumeCampaignRequest.newBuilder()
                .setCampaignId("paused").build());

        assertThat(resumed.getState()).isEqualTo(CampaignState.CAMPAIGN_STATE_ACTIVE);
        assertThat(leaseNext("paused")).hasValueSatisfying(lease -> assertThat(lease.caseId()).isEqualTo("paused-1"));
    }

    @Test
    void newCallingRulesDecideTheNextDialAWindowClosedNowSchedulesTheCaseForItsOpening() throws Exception {
        createOpenAllDay("tenant-window", "window");
        admit(aCase("window-1", "window", "debtor-window-1", "+420601000202"));

        Campaign updated = as("tenant-window").updateCampaign(UpdateCampaignRequest.newBuilder()
                .setCampaignId("window")
                .setDialMode(DialMode.DIAL_MODE_POWER)
                .setCallingRules(CallingRules.newBuilder().putByCountry("CZ", ContactLimits.newBuilder()
                        .setCallingWindow(CallingWindow.newBuilder().setOpens("17:30").setCloses("20:00")).build()))
                .build());

        assertThat(updated.getDialMode()).isEqualTo(DialMode.DIAL_MODE_POWER);
        assertThat(updated.getDisplayName()).isEqualTo("window");
        assertThat(updated.getCallingRules().getByCountryOrThrow("CZ").getCallingWindow().getOpens()).isEqualTo("17:30");
        // 13:00 in Prague: the Czech window opens at 17:30 today.
        assertThat(leaseNext("window")).isEmpty();
        CaseEntry entry = entry("window-1");
        assertThat(entry.status()).isEqualTo(CaseStatus.SCHEDULED);
        assertThat(entry.dueAt()).contains(ZonedDateTime.of(LocalDate.of(2026, 3, 4), LocalTime.of(17, 30), PRAGUE)
                .toInstant());
    }

    @Test
    void closingACampaignClosesItsCasesAndEndsItForGood() throws Exception {
        createOpenAllDay("tenant-close", "closing");
        admit(aCase("in-call", "closing", "debtor-closing-1", "+420601000203"));
        DialLease call = leaseNext("closing").orElseThrow();
        admit(aCase("waiting", "closing", "debtor-closing-2", "+420601000204"));
        admit(aCase("withdrawn", "closing", "debtor-closing-3", "+420601000205"));
        await(callList.cancel("withdrawn", "paid the creditor"));
        admit(aCase("elsewhere", "closing-neighbour", "debtor-closing-4", "+420601000206"));

        Campaign closed = as("tenant-close").closeCampaign(CloseCampaignRequest.newBuilder().setCampaignId("closing")
                .setReason("portfolio sold").build());

        assertThat(closed.getState()).isEqualTo(CampaignState.CAMPAIGN_STATE_CLOSED);
        assertThat(entry("waiting").status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(entry("waiting").reason()).contains("portfolio sold");
        // A case closed before keeps its own reason.
        assertThat(entry("withdrawn").reason()).contains("paid the creditor").doesNotContain("portfolio sold");
        assertThat(entry("elsewhere").status()).isEqualTo(CaseStatus.WAITING);
        assertThat(leaseNext("closing")).isEmpty();
        // The call in progress finishes; its case closes when it ends.
        assertThat(entry("in-call").status()).isEqualTo(CaseStatus.LEASED);
        await(callList.callEnded(call, new CallAttempt(call.attemptId(), call.caseId(), "closing", call.phoneNumber(),
                Optional.empty(), NOW, Optional.empty(), NOW.plusSeconds(30), CallResult.NO_ANSWER, 19)));
        assertThat(entry("in-call").status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(entry("in-call").reason()).contains("portfolio sold");

        Status pause = refusal(() -> as("tenant-close").pauseCampaign(PauseCampaignRequest.newBuilder()
                .setCampaignId("closing").build()));
        Status resume = refusal(() -> as("tenant-close").resumeCampaign(ResumeCampaignRequest.newBuilder()
                .setCampaignId("closing").build()));
        Status update = refusal(() -> as("tenant-close").updateCampaign(UpdateCampaignRequest.newBuilder()
                .setCampaignId("closing").setDisplayName("reopened?").build()));
        Campaign closedAgain = as("tenant-close").closeCampaign(CloseCampaignRequest.newBuilder()
                .setCampaignId("closing").setReason("twice").build());

        assertThat(List.of(pause, resume, update)).extracting(Status::getCode)
                .containsOnly(Code.FAILED_PRECONDITION_VALUE);
        assertThat(closedAgain).isEqualTo(closed);
        assertThat(entry("waiting").reason()).contains("portfolio sold");
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Reads the tenant the test names, where the authentication interceptor will read a credential. */
    static final class TenantFromHeader implements ServerInterceptor {
        @Override
        public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
                ServerCallHandler<ReqT, RespT> next) {
            String tenant = Optional.ofNullable(headers.get(TENANT)).orElse("tenant-a");
            return Contexts.interceptCall(new Caller("client-of-" + tenant, tenant).attachTo(Context.current()), call,
                    headers, next);
        }
    }

    private static CampaignServiceGrpc.CampaignServiceBlockingStub as(String tenant) {
        Metadata headers = new Metadata();
        headers.put(TENANT, tenant);
        return CampaignServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static Campaign create(String tenant, String campaignId) {
        return as(tenant).createCampaign(CreateCampaignRequest.newBuilder()
                .setCampaign(Campaign.newBuilder().setCampaignId(campaignId).setDialMode(DialMode.DIAL_MODE_PROGRESSIVE))
                .build());
    }

    /** Open around the clock, so that only what a test changes keeps a case from being dialed. */
    private static Campaign createOpenAllDay(String tenant, String campaignId) {
        return as(tenant).createCampaign(CreateCampaignRequest.newBuilder()
                .setCampaign(Campaign.newBuilder().setCampaignId(campaignId).setDisplayName(campaignId)
                        .setDialMode(DialMode.DIAL_MODE_PROGRESSIVE)
                        .setCallingRules(CallingRules.newBuilder().setDefaults(ContactLimits.newBuilder()
                                .setCallingWindow(CallingWindow.newBuilder().setOpens("00:00").setCloses("24:00")))))
                .build());
    }

    private static GetCampaignRequest get(String campaignId) {
        return GetCampaignRequest.newBuilder().setCampaignId(campaignId).build();
    }

    private static List<String> idsOf(ListCampaignsResponse page) {
        return page.getCampaignsList().stream().map(Campaign::getCampaignId).toList();
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
                } catch (InvalidProtocolBufferException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no BadRequest in " + status);
    }

    private static Case aCase(String caseId, String campaignId, String debtorId, String phone) {
        return new Case(caseId, campaignId, new Debtor(debtorId, "Jana Nováková"),
                List.of(new Claim(caseId + "-claim", new BigDecimal("100.00"), "CZK", LocalDate.of(2026, 1, 1))),
                List.of(phone), PRAGUE, 5, NOW.minusSeconds(3600));
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

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
