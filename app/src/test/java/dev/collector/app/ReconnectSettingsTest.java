package dev.collector.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collector.app.config.ConfigSource;
import dev.collector.dialer.ami.ReconnectBackoff;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReconnectSettingsTest {

    @Test
    void theBackoffAndTheLostCallsBoundComeFromConfiguration() {
        assertThat(CollectorNode.reconnectBackoff(source(new Properties()))).isEqualTo(ReconnectBackoff.defaults());

        Properties properties = new Properties();
        properties.setProperty("collector.ami.reconnect-first", "0.5");
        properties.setProperty("collector.ami.reconnect-max", "30");
        properties.setProperty("collector.ami.calls-lost-after", "120");
        assertThat(CollectorNode.reconnectBackoff(source(properties))).isEqualTo(
                new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(120)));
    }

    @Test
    void aMaximumBelowTheFirstDelayIsRefusedNamingTheSettings() {
        Properties properties = new Properties();
        properties.setProperty("collector.ami.reconnect-first", "5");
        properties.setProperty("collector.ami.reconnect-max", "1");
        assertThatThrownBy(() -> CollectorNode.reconnectBackoff(source(properties)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collector.ami.reconnect-first").hasMessageContaining("reconnect-max");
    }

    private static ConfigSource source(Properties properties) {
        return new ConfigSource(properties, Map.of());
    }
}
