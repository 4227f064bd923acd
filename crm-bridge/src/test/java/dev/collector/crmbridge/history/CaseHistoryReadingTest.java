package dev.collector.crmbridge.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.compliance.window.CallingWindow;
import dev.collector.crmbridge.CrmBridgeServer;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.crmbridge.auth.CrmClients;
import dev.collector.crmbridge.feed.HazelcastCrmFeed;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.campaign.Campaign;
import dev.collector.domain.campaign.CampaignDirectory;
import dev.collector.domain.campaign.CampaignState;
import dev.collector.domain.campaign.DialMode;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.domain.outcome.CaseHistory;
import dev.collector.domain.outcome.CaseHistoryEntry;
import dev.collector.domain.outcome.CaseHistoryPage;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.ListCaseHistoryRequest;
import dev.collector.protos.v1.ListCaseHistoryResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ListCaseHistory over real gRPC, against the real call list on an embedded Hazelcast member (does
 * the case exist, whose is it) and an in-memory history (what was dialed and concluded).
 */
class CaseHistoryReadingTest {

    static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");
    static final String DEFAULT_TENANTS_CAMPAIGN = "history-campaign";
    static final String BANK_B_CAMPAIGN = "bank-b-campaign";

    static HazelcastInstance hazelcast;
    static ExecutorService worker;
    static HazelcastCallList callList;
    static InMemoryHistory history = new InMemoryHistory();
    static CrmBridgeServer server;
    static ManagedChannel channel;
    static CaseServiceGrpc.CaseServiceBlockingStub defaultTenant;
    static CaseServiceGrpc.CaseServiceBlockingStub bankB;

    @BeforeAll
    static void start() throws Exception {
        hazelcast = HazelcastMember.start(new HazelcastSettings(
                "crm-bridge-history-" + ProcessHandle.current().pid(), "127.0.0.1", 5931, List.of()));
        worker = Executors.newFixedThreadPool(2);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        callList = new HazelcastCallList(hazelcast, worker, CaseQueueSettings.defaults(), new InMemoryComplianceAudit(),
                clock);
        for (String campaign : List.of(DEFAULT_TENANTS_CAMPAIGN, BANK_B_CAMPAIGN)) {
            await(callList.defineRules(new CampaignRules(campaign, ContactRules.strictest()
                    .withWindow(CallingWindow.everyDay(LocalTime.MIN, LocalTime.MAX)), Map.of())));
        }
        // a campaign without a record is the default tenant's
        CampaignDirectory campaigns = id -> CompletableFuture.completedFuture(id.equals(BANK_B_CAMPAIGN)
                ? Optional.of(new Campaign(id, "bank-b", "Bank B", DialMode.PROGRESSIVE, CampaignState.ACTIVE, NOW,
                        NOW))
                : Optional.empty());
        CrmClients clients = CrmClients.parse("crm-default:" + CrmClients.DEFAULT_TENANT + ":token-sha256="
                + CrmClients.sha256Hex("token-default") + ",crm-b:bank-b:token-sha256=" + CrmClients.sha256Hex("token-b"));
        server = CrmBridgeServer.start(CrmBridgeSettings.loopback().withClients(clients), callList, callList,
                new HazelcastCrmFeed(hazelcast, 1000), hazelcast, campaigns, history, clock);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        defaultTenant = withToken(CaseServiceGrpc.newBlockingStub(channel), "token-default");
        bankB = withToken(CaseServiceGrpc.newBlockingStub(channel), "token-b");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
        hazelcast.shutdown();
        worker.shutdownNow();
    }

    @Test
    void pages_chain_newest_first_until_the_token_comes_back_empty() throws Exception {
        List<CallAttempt> attempts = admitWithAttempts("chained", DEFAULT_TENANTS_CAMPAIGN, 7);
        Outcome promise = new Outcome(attempts.get(6).attemptId(), "chained", DEFAULT_TENANTS_CAMPAIGN, "debtor-1",
                "agent-7", new Disposition.PromiseToPay(new BigDecimal("150.50"), LocalDate.of(2026, 3, 20)),
                "pays on the 20th", attempts.get(6).endedAt().plusSeconds(30));
        history.outcome(promise);

        List<ListCaseHistoryResponse> pages = new ArrayList<>();
        String token = "";
        do {
            ListCaseHistoryResponse page = defaultTenant.listCaseHistory(ListCaseHistoryRequest.newBuilder()
                    .setCaseId("chained").setPageSize(3).setPageToken(token).build());
            pages.add(page);
            token = page.getNextPageToken();
        } while (!token.isEmpty());

        assertThat(pages).extracting(ListCaseHistoryResponse::getEntriesCount).containsExactly(3, 3, 1);
        List<dev.collector.protos.v1.CaseHistoryEntry> entries = pages.stream()
                .flatMap(p -> p.getEntriesList().stream()).toList();
        assertThat(entries).extracting(e -> e.getAttempt().getAttemptId())
                .containsExactly("chained-6", "chained-5", "chained-4", "chained-3", "chained-2", "chained-1",
                        "chained-0");
        dev.collector.protos.v1.CaseHistoryEntry newest = entries.get(0);
        assertThat(newest.getAttempt().getCaseId()).isEqualTo("chained");
        assertThat(newest.getAttempt().getResult()).isEqualTo(dev.collector.protos.v1.CallResult.CALL_RESULT_ANSWERED);
        assertThat(newest.getAttempt().getDialedAt().getSeconds()).isEqualTo(attempts.get(6).dialedAt().getEpochSecond());
        assertThat(newest.hasOutcome()).isTrue();
        assertThat(newest.getOutcome().getDisposition())
                .isEqualTo(dev.collector.protos.v1.Disposition.DISPOSITION_PROMISE_TO_PAY);
        assertThat(newest.getOutcome().getPromise().getAmount().getValue()).isEqualTo("150.50");
        assertThat(entries.subList(1, entries.size())).noneMatch(dev.collector.protos.v1.CaseHistoryEntry::hasOutcome);
    }

    @Test
    void follow_up_tasks_come_with_the_history_when_asked_for() throws Exception {
        admitWithAttempts("followed", DEFAULT_TENANTS_CAMPAIGN, 1);
        Instant due = Instant.parse("2026-03-19T09:00:00Z");
        history.followUps.put("followed", List.of(new dev.collector.domain.outcome.FollowUpEntry(
                "t-1/promise-reminder", "SMS", "promise-reminder", due, due.plusSeconds(8 * 3600), "PENDING", "")));

        ListCaseHistoryResponse with = defaultTenant.listCaseHistory(ListCaseHistoryRequest.newBuilder()
                .setCaseId("followed").setIncludeFollowUps(true).build());
        ListCaseHistoryResponse without = defaultTenant.listCaseHistory(ListCaseHistoryRequest.newBuilder()
                .setCaseId("followed").build());

        assertThat(with.getEntriesCount()).isEqualTo(1);
        assertThat(with.getFollowUpsList()).singleElement().satisfies(task -> {
            assertThat(task.getTaskId()).isEqualTo("t-1/promise-reminder");
            assertThat(task.getKind()).isEqualTo("SMS");
            assertThat(task.getRule()).isEqualTo("promise-reminder");
            assertThat(task.getDueAt().getSeconds()).isEqualTo(due.getEpochSecond());
            assertThat(task.getDeadline().getSeconds()).isEqualTo(due.getEpochSecond() + 8 * 3600);
            assertThat(task.getStatus()).isEqualTo("PENDING");
        });
        assertThat(without.getFollowUpsCount()).isZero();
    }

    @Test
    void a_page_size_of_zero_means_fifty() throws Exception {
        admitWithAttempts("long", DEFAULT_TENANTS_CAMPAIGN, 60);

        ListCaseHistoryResponse page = defaultTenant.listCaseHistory(
                ListCaseHistoryRequest.newBuilder().setCaseId("long").build());

        assertThat(page.getEntriesCount()).isEqualTo(50);
        assertThat(page.getNextPageToken()).isNotEmpty();
    }

    @Test
    void a_case_never_called_has_one_empty_page() throws Exception {
        admitWithAttempts("quiet", DEFAULT_TENANTS_CAMPAIGN, 0);

        ListCaseHistoryResponse page = defaultTenant.listCaseHistory(
                ListCaseHistoryRequest.newBuilder().setCaseId("quiet").build());

        assertThat(page.getEntriesList()).isEmpty();
        assertThat(page.getNextPageToken()).isEmpty();
    }

    @Test
    void a_missing_case_id_and_a_page_size_out_of_range_are_refused_naming_both_fields() {
        StatusRuntimeException refusal = refusal(defaultTenant, ListCaseHistoryRequest.newBuilder()
                .setCaseId(" ").setPageSize(501).build());

        assertThat(refusal.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
        assertThat(fields(refusal)).containsExactly("case_id", "page_size");
    }

    @Test
    void a_negative_page_size_is_refused_naming_the_field() {
        StatusRuntimeException refusal = refusal(defaultTenant, ListCaseHistoryRequest.newBuilder()
                .setCaseId("anything").setPageSize(-1).build());

        assertThat(fields(refusal)).containsExactly("page_size");
    }

    @Test
    void a_page_token_not_handed_out_for_the_case_is_refused_naming_the_field() throws Exception {
        admitWithAttempts("tokened", DEFAULT_TENANTS_CAMPAIGN, 4);
        admitWithAttempts("other", DEFAULT_TENANTS_CAMPAIGN, 4);
        String othersToken = defaultTenant.listCaseHistory(ListCaseHistoryRequest.newBuilder()
                .setCaseId("other").setPageSize(2).build()).getNextPageToken();

        for (String token : List.of(othersToken, "made-up")) {
            StatusRuntimeException refusal = refusal(defaultTenant, ListCaseHistoryRequest.newBuilder()
                    .setCaseId("tokened").setPageSize(2).setPageToken(token).build());

            assertThat(refusal.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
            assertThat(fields(refusal)).containsExactly("page_token");
        }
    }

    @Test
    void an_unknown_case_is_not_found() {
        StatusRuntimeException refusal = refusal(defaultTenant,
                ListCaseHistoryRequest.newBuilder().setCaseId("never-submitted").build());

        assertThat(refusal.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.NOT_FOUND);
    }

    @Test
    void a_case_of_another_tenant_is_not_found_either_way_round() throws Exception {
        admitWithAttempts("banks-b", BANK_B_CAMPAIGN, 2);
        admitWithAttempts("defaults", DEFAULT_TENANTS_CAMPAIGN, 2);

        assertThat(refusal(defaultTenant, ListCaseHistoryRequest.newBuilder().setCaseId("banks-b").build())
                .getStatus().getCode()).isEqualTo(io.grpc.Status.Code.NOT_FOUND);
        assertThat(refusal(bankB, ListCaseHistoryRequest.newBuilder().setCaseId("defaults").build())
                .getStatus().getCode()).isEqualTo(io.grpc.Status.Code.NOT_FOUND);
        assertThat(bankB.listCaseHistory(ListCaseHistoryRequest.newBuilder().setCaseId("banks-b").build())
                .getEntriesCount()).isEqualTo(2);
    }

    @Test
    void a_history_that_cannot_be_read_is_unavailable() throws Exception {
        admitWithAttempts(InMemoryHistory.BROKEN, DEFAULT_TENANTS_CAMPAIGN, 0);

        StatusRuntimeException refusal = refusal(defaultTenant,
                ListCaseHistoryRequest.newBuilder().setCaseId(InMemoryHistory.BROKEN).build());

        assertThat(refusal.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.UNAVAILABLE);
    }

    /** Admits the case and gives it {@code count} answered attempts a minute apart, ids {@code <case>-<n>}. */
    private static List<CallAttempt> admitWithAttempts(String caseId, String campaignId, int count) throws Exception {
        await(callList.admit(new Case(caseId, campaignId, new Debtor("debtor-" + caseId, "Jana Nováková"),
                List.of(new Claim(caseId + "-claim", new BigDecimal("100.00"), "CZK", LocalDate.of(2026, 1, 1))),
                List.of("+420601000101"), ZoneId.of("Europe/Prague"), 5, NOW.minusSeconds(86_400))));
        List<CallAttempt> attempts = IntStream.range(0, count)
                .mapToObj(i -> {
                    Instant dialed = NOW.minusSeconds(3600).plusSeconds(60L * i);
                    return new CallAttempt(caseId + "-" + i, caseId, campaignId, "+420601000101",
                            Optional.of("agent-7"), dialed, Optional.of(dialed.plusSeconds(10)), dialed.plusSeconds(40),
                            CallResult.ANSWERED, 16);
                })
                .toList();
        attempts.forEach(history::attempt);
        return attempts;
    }

    private static StatusRuntimeException refusal(CaseServiceGrpc.CaseServiceBlockingStub stub,
            ListCaseHistoryRequest request) {
        return catchThrowableOfType(StatusRuntimeException.class, () -> stub.listCaseHistory(request));
    }

    private static List<String> fields(StatusRuntimeException refusal) {
        com.google.rpc.Status status = StatusProto.fromThrowable(refusal);
        assertThat(status).isNotNull();
        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        return status.getDetailsList().stream()
                .filter(any -> any.is(BadRequest.class))
                .flatMap(any -> {
                    try {
                        return any.unpack(BadRequest.class).getFieldViolationsList().stream();
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .map(BadRequest.FieldViolation::getField)
                .toList();
    }

    private static CaseServiceGrpc.CaseServiceBlockingStub withToken(CaseServiceGrpc.CaseServiceBlockingStub stub,
            String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Newest first by list position; the token is the case id and the offset of the next page. */
    static final class InMemoryHistory implements CaseHistory {

        static final String BROKEN = "broken-history";

        private final Map<String, List<CallAttempt>> attempts = new ConcurrentHashMap<>();
        private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

        void attempt(CallAttempt attempt) {
            attempts.computeIfAbsent(attempt.caseId(), id -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(0, attempt);
        }

        void outcome(Outcome outcome) {
            outcomes.put(outcome.attemptId(), outcome);
        }

        /** The follow-ups of a case, all shown on its last page (the paging of tasks is follow-ups' to test). */
        final Map<String, List<dev.collector.domain.outcome.FollowUpEntry>> followUps = new ConcurrentHashMap<>();

        @Override
        public CompletionStage<CaseHistoryPage> page(String caseId, int pageSize, Optional<String> pageToken,
                boolean withFollowUps) {
            return page(caseId, pageSize, pageToken).thenApply(page -> withFollowUps && page.nextPageToken().isEmpty()
                    ? new CaseHistoryPage(page.entries(), page.nextPageToken(), followUps.getOrDefault(caseId, List.of()))
                    : page);
        }

        @Override
        public CompletionStage<CaseHistoryPage> page(String caseId, int pageSize, Optional<String> pageToken) {
            if (caseId.equals(BROKEN)) {
                return CompletableFuture.failedFuture(new IllegalStateException("the store is down"));
            }
            int from = 0;
            if (pageToken.isPresent()) {
                String[] parts = pageToken.get().split("@", 2);
                if (parts.length != 2 || !parts[1].equals(caseId) || !parts[0].matches("[0-9]+")) {
                    return CompletableFuture.failedFuture(new InvalidPageToken("not a token of this history"));
                }
                from = Integer.parseInt(parts[0]);
            }
            List<CallAttempt> all = attempts.getOrDefault(caseId, List.of());
            int to = Math.min(all.size(), from + pageSize);
            List<CaseHistoryEntry> entries = all.subList(Math.min(from, to), to).stream()
                    .map(a -> new CaseHistoryEntry(a, Optional.ofNullable(outcomes.get(a.attemptId()))))
                    .toList();
            return CompletableFuture.completedFuture(new CaseHistoryPage(entries,
                    to < all.size() ? Optional.of(to + "@" + caseId) : Optional.empty()));
        }
    }
}
