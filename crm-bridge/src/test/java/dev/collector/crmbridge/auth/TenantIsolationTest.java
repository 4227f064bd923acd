package dev.collector.crmbridge.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.collector.crmbridge.CrmBridgeServer;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.protos.v1.CancelCaseRequest;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.CaseStatus;
import dev.collector.protos.v1.CeaseContactRequested;
import dev.collector.protos.v1.OutcomeEvent;
import dev.collector.protos.v1.OutcomeServiceGrpc;
import dev.collector.protos.v1.StreamOutcomesRequest;
import dev.collector.protos.v1.UpdateCaseRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two creditors on one installation, each with its own CRM client, over real gRPC with the call
 * list and feed on a Hazelcast member: neither sees nor touches the other's cases and outcomes.
 */
class TenantIsolationTest {

    static final String TOKEN_A = "token-of-bank-a-crm-5d20";
    static final String TOKEN_B = "token-of-bank-b-crm-e81b";
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    static BridgeOnHazelcast bridge;
    static CrmBridgeServer server;
    static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        bridge = new BridgeOnHazelcast("tenants", 5967);
        bridge.campaign("a-campaign", "bank-a");
        bridge.campaign("b-campaign", "bank-b");
        server = bridge.start(CrmBridgeSettings.loopback().withClients(CrmClients.parse(
                "crm-a:bank-a:token-sha256=" + CrmClients.sha256Hex(TOKEN_A)
                        + ",crm-b:bank-b:token-sha256=" + CrmClients.sha256Hex(TOKEN_B))));
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();

        bridge.feed.attemptEnded(attempt("b-1", "b-campaign"));
        bridge.feed.attemptEnded(attempt("a-1", "a-campaign"));
        bridge.feed.attemptEnded(attempt("internal-1", "no-record-campaign"));
        bridge.feed.attemptEnded(attempt("b-2", "b-campaign"));
        bridge.feed.attemptEnded(attempt("a-2", "a-campaign"));
        bridge.feed.flushed().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        bridge.close();
    }

    @Test
    void anotherTenantCannotUpdateACaseAndLearnsNothingOfWhoseItIs() throws Exception {
        admit("a-case-1", "a-campaign");

        Status refused = failure(() -> cases(TOKEN_B).updateCase(ceaseContact("a-case-1", "b-update-1")));

        assertThat(refused.getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(refused.getDescription()).contains("a-case-1").doesNotContain("bank-a").doesNotContain("a-campaign");
        // Its own tenant's client may (a cease-contact hold is reported when the case comes up for dialing).
        assertThat(cases(TOKEN_A).updateCase(ceaseContact("a-case-1", "a-update-1")).getStatus())
                .isIn(CaseStatus.CASE_STATUS_WAITING, CaseStatus.CASE_STATUS_HELD);
    }

    @Test
    void anotherTenantCannotCancelACaseWhichKeepsWaiting() throws Exception {
        admit("a-case-2", "a-campaign");

        Status refused = failure(() -> cases(TOKEN_B).cancelCase(cancel("a-case-2")));

        assertThat(refused.getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(refused.getDescription()).doesNotContain("bank-a");
        assertThat(bridge.callList.find("a-case-2").toCompletableFuture().get(5, TimeUnit.SECONDS)).isPresent();
        assertThat(cases(TOKEN_A).cancelCase(cancel("a-case-2")).getStatus()).isEqualTo(CaseStatus.CASE_STATUS_CLOSED);
    }

    @Test
    void aCaseOfACampaignWithoutARecordIsTheDefaultTenantsNotAnyClients() throws Exception {
        admit("internal-case", "no-record-campaign");

        assertThat(failure(() -> cases(TOKEN_A).cancelCase(cancel("internal-case"))).getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(failure(() -> cases(TOKEN_B).updateCase(ceaseContact("internal-case", "b-update-2"))).getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void everyCaseAddressedMethodAnswersAnotherTenantsCaseExactlyAsACaseThatDoesNotExist() throws Exception {
        admit("a-case-hidden", "a-campaign");
        // the same id shape for both, so that only existence differs; the message names the id asked for
        String theirs = "a-case-hidden";
        String nobodys = "a-case-hidde0";

        List<java.util.function.Function<String, Runnable>> methods = List.of(
                id -> () -> cases(TOKEN_B).updateCase(ceaseContact(id, "probe-" + id)),
                id -> () -> cases(TOKEN_B).cancelCase(cancel(id)),
                id -> () -> cases(TOKEN_B).listCaseHistory(dev.collector.protos.v1.ListCaseHistoryRequest.newBuilder()
                        .setCaseId(id).build()),
                id -> () -> cases(TOKEN_B).listCaseHistory(dev.collector.protos.v1.ListCaseHistoryRequest.newBuilder()
                        .setCaseId(id).setIncludeFollowUps(true).setPageSize(7).build()));
        for (java.util.function.Function<String, Runnable> method : methods) {
            Status forTheirs = failure(method.apply(theirs));
            Status forNobodys = failure(method.apply(nobodys));

            assertThat(forTheirs.getCode()).isEqualTo(Status.Code.NOT_FOUND).isEqualTo(forNobodys.getCode());
            assertThat(forTheirs.getDescription()).isEqualTo(forNobodys.getDescription().replace(nobodys, theirs));
        }
        // and the case is untouched: still waiting for its own tenant
        assertThat(cases(TOKEN_A).cancelCase(cancel(theirs)).getStatus()).isEqualTo(CaseStatus.CASE_STATUS_CLOSED);
    }

    @Test
    void aSubscriberOfAllCampaignsReceivesOnlyItsTenantsEvents() {
        List<String> received = attemptsUntilQuiet(TOKEN_B, StreamOutcomesRequest.getDefaultInstance());

        assertThat(received).containsExactly("b-1", "b-2");
    }

    @Test
    void aSubscriberOfItsOwnCampaignReceivesItsEvents() {
        List<String> received = attemptsUntilQuiet(TOKEN_A,
                StreamOutcomesRequest.newBuilder().setCampaignId("a-campaign").build());

        assertThat(received).containsExactly("a-1", "a-2");
    }

    @Test
    void askingForAnotherTenantsCampaignIsPermissionDenied() {
        Iterator<OutcomeEvent> stream = OutcomeServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(BearerToken.of(TOKEN_B)).withDeadlineAfter(5, TimeUnit.SECONDS)
                .streamOutcomes(StreamOutcomesRequest.newBuilder().setCampaignId("a-campaign").build());

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, stream::hasNext);

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refused.getStatus().getDescription()).doesNotContain("bank-a");
    }

    /** The attempt ids a subscriber receives before the stream has been quiet for a while. */
    private static List<String> attemptsUntilQuiet(String token, StreamOutcomesRequest request) {
        Iterator<OutcomeEvent> stream = OutcomeServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(BearerToken.of(token)).withDeadlineAfter(1500, TimeUnit.MILLISECONDS)
                .streamOutcomes(request);
        List<String> received = new ArrayList<>();
        try {
            while (stream.hasNext()) {
                received.add(stream.next().getAttemptEnded().getAttemptId());
            }
        } catch (StatusRuntimeException ended) {
            assertThat(ended.getStatus().getCode()).as("the stream ends by the test's deadline, after %s", received)
                    .isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        }
        return received;
    }

    private static CaseServiceGrpc.CaseServiceBlockingStub cases(String token) {
        return CaseServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static Status failure(Runnable call) {
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(failure).as("the call fails").isNotNull();
        return failure.getStatus();
    }

    private static UpdateCaseRequest ceaseContact(String caseId, String updateId) {
        return UpdateCaseRequest.newBuilder().setCaseId(caseId).setUpdateId(updateId)
                .setCeaseContactRequested(CeaseContactRequested.getDefaultInstance()).build();
    }

    private static CancelCaseRequest cancel(String caseId) {
        return CancelCaseRequest.newBuilder().setCaseId(caseId).setReason("sold to a debt buyer").build();
    }

    private static void admit(String caseId, String campaignId) throws Exception {
        bridge.callList.admit(new Case(caseId, campaignId, new Debtor("debtor-" + caseId, "Jana Nováková"),
                List.of(new Claim(caseId + "-claim", new BigDecimal("120.00"), "CZK", LocalDate.of(2026, 9, 1))),
                List.of("+420601000" + Math.abs(caseId.hashCode() % 1000)), ZoneId.of("Europe/Prague"), 5,
                T0)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static CallAttempt attempt(String attemptId, String campaignId) {
        return new CallAttempt(attemptId, "case-" + attemptId, campaignId, "+420601123456", Optional.of("agent-7"),
                T0, Optional.of(T0.plusSeconds(12)), T0.plusSeconds(90), CallResult.ANSWERED, 16);
    }
}
