package dev.collector.crmbridge.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.collector.crmbridge.CrmBridgeServer;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.protos.v1.CancelCaseRequest;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.OutcomeServiceGrpc;
import dev.collector.protos.v1.StreamOutcomesRequest;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bearer tokens on a plaintext loopback port, over real gRPC, with the call list on a Hazelcast member. */
class AuthenticationTest {

    static final String TOKEN_A = "a-token-only-crm-a-knows-7f3e";

    static BridgeOnHazelcast bridge;
    static CrmBridgeServer server;
    static ManagedChannel channel;

    @BeforeAll
    static void start() {
        bridge = new BridgeOnHazelcast("auth", 5947);
        server = bridge.start(CrmBridgeSettings.loopback().withClients(CrmClients.of(List.of(
                new CrmClient("crm-a", "tenant-a", new ClientCredential.BearerToken(CrmClients.sha256Hex(TOKEN_A)))))));
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        bridge.close();
    }

    @Test
    void aCallWithoutATokenIsUnauthenticatedAndToldWhatIsMissing() {
        Status status = cancelUnknownCase(null);

        assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(status.getDescription()).contains("authorization: Bearer <token>");
    }

    @Test
    void aWrongTokenIsUnauthenticatedAndNotRepeatedBack() {
        Status status = cancelUnknownCase(BearerToken.of("guessed-token-123"));

        assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(status.getDescription()).contains("bearer token").doesNotContain("guessed-token-123");
    }

    @Test
    void anAuthorizationHeaderThatIsNotABearerTokenIsUnauthenticated() {
        Status status = cancelUnknownCase(BearerToken.rawHeader("Basic " + TOKEN_A));

        assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(status.getDescription()).contains("not 'Bearer <token>'").doesNotContain(TOKEN_A);
    }

    @Test
    void aValidTokenIsServedAsItsClient() {
        // Past authentication, the endpoint itself answers: there is no such case.
        assertThat(cancelUnknownCase(BearerToken.of(TOKEN_A)).getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void anOutcomeStreamWithoutATokenIsUnauthenticated() {
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, () ->
                OutcomeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                        .streamOutcomes(StreamOutcomesRequest.getDefaultInstance()).hasNext());

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void theHealthServiceAnswersLoadBalancersWithoutCredentials() {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);

        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        assertThat(health.check(HealthCheckRequest.newBuilder().setService(CaseServiceGrpc.SERVICE_NAME).build())
                .getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void withoutClientsTheBridgeRefusesToListenBeyondLoopback() {
        assertThatThrownBy(() -> bridge.start(CrmBridgeSettings.onPort(0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(CrmClients.SETTING)
                .hasMessageContaining("0.0.0.0");
    }

    @Test
    void withoutClientsOnLoopbackEveryCallIsTheBuiltInCaller() throws InterruptedException {
        CrmBridgeServer open = bridge.start(CrmBridgeSettings.loopback());
        ManagedChannel openChannel = ManagedChannelBuilder.forAddress("127.0.0.1", open.port()).usePlaintext().build();
        try {
            StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, () ->
                    CaseServiceGrpc.newBlockingStub(openChannel).withDeadlineAfter(5, TimeUnit.SECONDS)
                            .cancelCase(CancelCaseRequest.newBuilder().setCaseId("nobody").setReason("sold").build()));

            assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        } finally {
            openChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static Status cancelUnknownCase(CallCredentials credentials) {
        CaseServiceGrpc.CaseServiceBlockingStub cases = CaseServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS);
        if (credentials != null) {
            cases = cases.withCallCredentials(credentials);
        }
        CaseServiceGrpc.CaseServiceBlockingStub stub = cases;
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, () ->
                stub.cancelCase(CancelCaseRequest.newBuilder().setCaseId("no-such-case").setReason("sold").build()));
        assertThat(failure).as("the call fails").isNotNull();
        return failure.getStatus();
    }
}
