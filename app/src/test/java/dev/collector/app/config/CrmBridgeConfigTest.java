package dev.collector.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.crmbridge.auth.Caller;
import dev.collector.crmbridge.auth.CrmClient;
import dev.collector.crmbridge.auth.CrmClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector.grpc.* settings: who may call the CRM bridge, and over what. */
class CrmBridgeConfigTest {

    static final String DIGEST = CrmClients.sha256Hex("crm-a-token");

    @Test
    void withoutClientsTheBridgeListensOnLoopbackOnlyInPlaintext() {
        CrmBridgeSettings settings = NodeConfigLoader.crmBridge(new ConfigSource(new Properties(), Map.of()));

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.clients().isEmpty()).isTrue();
        assertThat(settings.tls()).isEmpty();
    }

    @Test
    void clientsFromTheSettingAndAFileOpenAllInterfaces(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("clients"), "# bank B\ncrm-b:bank-b:cert-cn=crm.bank-b.example\n");

        CrmBridgeSettings settings = NodeConfigLoader.crmBridge(new ConfigSource(new Properties(), Map.of(
                "COLLECTOR_GRPC_CLIENTS", "crm-a:bank-a:token-sha256=" + DIGEST,
                "COLLECTOR_GRPC_CLIENTS_FILE", file.toString())));

        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.clients().byToken("crm-a-token")).map(CrmClient::asCaller)
                .contains(new Caller("crm-a", "bank-a"));
        assertThat(settings.clients().byCertificate("crm.bank-b.example")).isPresent();
    }

    @Test
    void tlsFilesAreTakenAsGivenAndAMissingOneIsNamed(@TempDir Path dir) throws Exception {
        Path chain = Files.writeString(dir.resolve("chain.pem"), "");
        Path key = Files.writeString(dir.resolve("key.pem"), "");
        Path ca = Files.writeString(dir.resolve("ca.pem"), "");
        Properties properties = new Properties();
        properties.setProperty("collector.grpc.tls.cert-chain", chain.toString());
        properties.setProperty("collector.grpc.tls.private-key", key.toString());
        properties.setProperty("collector.grpc.tls.client-ca", ca.toString());

        CrmBridgeSettings settings = NodeConfigLoader.crmBridge(new ConfigSource(properties, Map.of()));

        assertThat(settings.tls()).hasValueSatisfying(tls -> {
            assertThat(tls.certificateChain()).isEqualTo(chain);
            assertThat(tls.requiresClientCertificates()).isTrue();
        });
        properties.setProperty("collector.grpc.tls.private-key", dir.resolve("missing.pem").toString());
        assertThatThrownBy(() -> NodeConfigLoader.crmBridge(new ConfigSource(properties, Map.of())))
                .hasMessageContaining("collector.grpc.tls.private-key").hasMessageContaining("missing.pem");
    }

    @Test
    void aBadClientEntryIsRefusedNamingTheSettingWithoutRepeatingASecret() {
        assertThatThrownBy(() -> NodeConfigLoader.crmBridge(new ConfigSource(new Properties(), Map.of(
                "COLLECTOR_GRPC_CLIENTS", "crm-a:bank-a:token=crm-a-token"))))
                .hasMessageContaining("collector.grpc.clients").hasMessageNotContaining("crm-a-token");
    }
}
