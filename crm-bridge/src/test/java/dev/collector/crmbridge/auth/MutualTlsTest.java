package dev.collector.crmbridge.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.collector.crmbridge.CrmBridgeServer;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.protos.v1.CancelCaseRequest;
import dev.collector.protos.v1.CaseServiceGrpc;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on the gRPC port with certificates made at test time: client certificates as credentials
 * (mTLS), and TLS with bearer tokens.
 */
class MutualTlsTest {

    static final String TOKEN_B = "token-of-crm-b-over-tls-91ac";

    @TempDir
    static Path dir;
    static TestCertificates certificates;
    static BridgeOnHazelcast bridge;
    /** Client certificates required; crm-a.example is crm-a of tenant-a. */
    static CrmBridgeServer mutualTls;
    /** TLS without client certificates; crm-b proves itself with a token. */
    static CrmBridgeServer tlsWithTokens;
    static final List<ManagedChannel> channels = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.createIn(dir);
        bridge = new BridgeOnHazelcast("tls", 5957);
        ServerTls tls = ServerTls.of(certificates.server.certificate(), certificates.server.privateKey());
        mutualTls = bridge.start(CrmBridgeSettings.loopback()
                .withTls(tls.withClientCa(certificates.caCertificate))
                .withClients(CrmClients.parse("crm-a:tenant-a:cert-cn=crm-a.example")));
        tlsWithTokens = bridge.start(CrmBridgeSettings.loopback()
                .withTls(tls)
                .withClients(CrmClients.parse("crm-b:tenant-b:token-sha256=" + CrmClients.sha256Hex(TOKEN_B))));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (ManagedChannel channel : channels) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        bridge.close();
    }

    @Test
    void aClientWithATrustedCertificateIsServedAsTheClientItNames() throws Exception {
        Status status = cancelUnknownCase(mutualTls, TlsChannelCredentials.newBuilder()
                .trustManager(certificates.caCertificate.toFile())
                .keyManager(certificates.clientA.certificate().toFile(), certificates.clientA.privateKey().toFile())
                .build(), null);

        assertThat(status.getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void aClientWithoutACertificateIsTurnedAway() throws Exception {
        Status status = cancelUnknownCase(mutualTls, TlsChannelCredentials.newBuilder()
                .trustManager(certificates.caCertificate.toFile()).build(), null);

        assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void aSelfSignedCertificateNamingAClientIsTurnedAway() throws Exception {
        Status status = cancelUnknownCase(mutualTls, TlsChannelCredentials.newBuilder()
                .trustManager(certificates.caCertificate.toFile())
                .keyManager(certificates.stranger.certificate().toFile(), certificates.stranger.privateKey().toFile())
                .build(), null);

        assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void aTrustedCertificateOfNoConfiguredClientIsUnauthenticated() throws Exception {
        Status status = cancelUnknownCase(mutualTls, TlsChannelCredentials.newBuilder()
                .trustManager(certificates.caCertificate.toFile())
                .keyManager(certificates.unknownClient.certificate().toFile(),
                        certificates.unknownClient.privateKey().toFile())
                .build(), null);

        assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(status.getDescription()).contains("CN=crm-unknown.example");
    }

    @Test
    void aPlaintextClientOfATlsPortGetsNoAnswer() {
        Status status = cancelUnknownCase(tlsWithTokens, InsecureChannelCredentials.create(), BearerToken.of(TOKEN_B));

        assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void overTlsABearerTokenIdentifiesTheClient() throws Exception {
        ChannelCredentials tls = TlsChannelCredentials.newBuilder()
                .trustManager(certificates.caCertificate.toFile()).build();

        assertThat(cancelUnknownCase(tlsWithTokens, tls, BearerToken.of(TOKEN_B)).getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(cancelUnknownCase(tlsWithTokens, tls, null).getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    private static Status cancelUnknownCase(CrmBridgeServer server, ChannelCredentials credentials,
            BearerToken token) {
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), credentials).build();
        channels.add(channel);
        CaseServiceGrpc.CaseServiceBlockingStub cases = CaseServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        CaseServiceGrpc.CaseServiceBlockingStub stub = token == null ? cases : cases.withCallCredentials(token);
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, () ->
                stub.cancelCase(CancelCaseRequest.newBuilder().setCaseId("no-such-case").setReason("sold").build()));
        assertThat(failure).as("the call fails").isNotNull();
        return failure.getStatus();
    }
}
