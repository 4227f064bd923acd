package dev.collector.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class NodeConfigLoaderTest {

    @Test
    void withNothingSetANodeRunsTheDemoAgainstTheSimulatorAndALocalCassandra() {
        NodeConfig config = NodeConfigLoader.load(new ConfigSource(new Properties(), Map.of()));

        assertThat(config.externalPbx()).isEmpty();
        assertThat(config.outcomeStore().usesLocalNode()).isTrue();
        assertThat(config.dialPlan().channelTemplate()).isEqualTo("Local/{number}@debtors");
        assertThat(config.agents()).hasSize(5);
        assertThat(config.demo().enabled()).isTrue();
        assertThat(config.console().port()).isEqualTo(8080);
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Properties properties = new Properties();
        properties.setProperty("collector.http.port", "8181");
        NodeConfig config = NodeConfigLoader.load(new ConfigSource(properties, Map.of(
                "COLLECTOR_HTTP_PORT", "8282", "COLLECTOR_GRPC_PORT", "9393",
                "COLLECTOR_CAMPAIGN_RING_TIMEOUT", "30")));

        assertThat(config.console().port()).isEqualTo(8181);
        assertThat(config.crmBridge().port()).isEqualTo(9393);
        assertThat(config.dialPlan().ringTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anAsteriskHostSwitchesFromTheSimulatorToATrunkChannel() {
        NodeConfig config = NodeConfigLoader.load(new ConfigSource(new Properties(), Map.of(
                "COLLECTOR_AMI_HOST", "pbx.example.org", "COLLECTOR_AMI_SECRET", "s3cret")));

        assertThat(config.externalPbx()).hasValueSatisfying(ami -> {
            assertThat(ami.host()).isEqualTo("pbx.example.org");
            assertThat(ami.port()).isEqualTo(5038);
            assertThat(ami.toString()).doesNotContain("s3cret");
        });
        assertThat(config.dialPlan().channelTemplate()).isEqualTo("PJSIP/{number}@trunk");
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> NodeConfigLoader.load(new ConfigSource(new Properties(),
                Map.of("COLLECTOR_HTTP_PORT", "eighty"))))
                .hasMessageContaining("collector.http.port").hasMessageContaining("COLLECTOR_HTTP_PORT");
        assertThatThrownBy(() -> NodeConfigLoader.load(new ConfigSource(new Properties(),
                Map.of("COLLECTOR_AGENTS", "agent-1:Jana"))))
                .hasMessageContaining("collector.agents").hasMessageContaining("id:name:endpoint");
        assertThatThrownBy(() -> NodeConfigLoader.load(new ConfigSource(new Properties(),
                Map.of("COLLECTOR_CAMPAIGN_RING_TIMEOUT", "10"))))
                .hasMessageContaining("collector.campaign").hasMessageContaining("15 s");
    }
}
