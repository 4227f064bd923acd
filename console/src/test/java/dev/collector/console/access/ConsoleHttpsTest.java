package dev.collector.console.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.collector.console.ConsoleFixture;
import dev.collector.console.ConsoleOptions;
import dev.collector.console.ConsoleServer;
import dev.collector.console.agentdesktop.AgentLogins;
import dev.collector.console.operations.OperationsRoutes;
import dev.collector.console.supervisor.AgentsOnFloor;
import dev.collector.console.supervisor.AlertThresholds;
import dev.collector.console.supervisor.FloorControls;
import dev.collector.console.supervisor.FloorSnapshot;
import dev.collector.console.supervisor.SupervisorActionJournal;
import dev.collector.console.supervisor.SupervisorLogins;
import dev.collector.console.supervisor.SupervisorWall;
import dev.collector.crmbridge.auth.TestCertificates;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console over HTTPS (collector.http.tls.*) with a throwaway CA and server certificate made at
 * test time (crm-bridge's TestCertificates, the same the gRPC TLS tests use): a browser that trusts
 * the CA gets the pages, the session cookie is sent back only over TLS, and plain HTTP gets nothing.
 */
class ConsoleHttpsTest {

    @TempDir
    static Path certificates;
    static TestCertificates tls;
    static Vertx vertx;
    static ConsoleFixture fixture;
    static ConsoleServer console;
    static HttpClient browser;

    @BeforeAll
    static void start() throws Exception {
        tls = TestCertificates.createIn(certificates);
        vertx = Vertx.vertx();
        Clock clock = Clock.systemUTC();
        fixture = ConsoleFixture.start(vertx, clock, "a1");
        SupervisorWall wall = new SupervisorWall(() -> CompletableFuture.completedFuture(new FloorSnapshot(
                clock.instant(), "", "none", 0, 0, 0, Map.of(), Map.of(), AgentsOnFloor.of(fixture.roster))),
                FloorControls.none(), new SupervisorLogins(Map.of("sv1", AgentLogins.digestOf("4321"))),
                new SupervisorActionJournal(Optional.empty()), Map::of, AlertThresholds.defaults(), clock);
        console = ConsoleServer.deploy(vertx, new ConsoleServer(ConsoleOptions.localEphemeral().withTls(
                new ConsoleOptions.Tls(tls.server.certificate(), tls.server.privateKey())), fixture.roster,
                fixture.recording, clock, AgentLogins.open(), wall, OperationsRoutes.none()))
                .await(10, TimeUnit.SECONDS);
        browser = HttpClient.newBuilder().sslContext(trusting(tls.caCertificate)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        console.close().await(10, TimeUnit.SECONDS);
        fixture.close();
        vertx.close().await();
    }

    @Test
    void theAgentPageIsServedOverHttpsToABrowserThatTrustsTheCa() throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + console.port() + "/agent")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("<html");
        assertThat(page.sslSession()).isPresent();
    }

    @Test
    void theSupervisorsSessionCookieIsMarkedSecure() throws Exception {
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + console.port() + "/supervisor/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"supervisorId\":\"sv1\",\"pin\":\"4321\"}"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("set-cookie").orElse("")).contains("Secure").containsIgnoringCase("HttpOnly");
    }

    @Test
    void plainHttpOnTheTlsPortGetsNoPage() {
        Throwable refused = catchThrowable(() -> {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + console.port() + "/agent")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).doesNotContainIgnoringCase("<html");
            throw new IllegalStateException("answered " + response.statusCode());
        });

        assertThat(refused).isNotNull();
    }

    @Test
    void aMissingCertificateFileIsNamedWithItsSetting() {
        Throwable missing = catchThrowable(() -> new ConsoleOptions.Tls(certificates.resolve("nope.pem"),
                tls.server.privateKey()));

        assertThat(missing).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collector.http.tls.cert-chain").hasMessageContaining("nope.pem");
    }

    private static SSLContext trusting(Path caPem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }
}
