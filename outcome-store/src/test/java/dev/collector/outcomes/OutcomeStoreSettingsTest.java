package dev.collector.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collector.outcomes.schema.Replication;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeStoreSettingsTest {

    @Test
    void no_configuration_means_the_local_node_on_its_own_ports() {
        OutcomeStoreSettings settings = OutcomeStoreSettings.fromProperties(Map.of());

        assertThat(settings.usesLocalNode()).isTrue();
        assertThat(settings.keyspace()).isEqualTo("collector");
        assertThat(settings.localDatacenter()).isEqualTo("datacenter1");
        assertThat(settings.effectiveReplication()).isEqualTo(new Replication.Simple(1));
        assertThat(settings.localNode().cqlPort()).isEqualTo(19042);
        assertThat(settings.localNode().storagePort()).isEqualTo(17000);
        assertThat(settings.localNode().sslStoragePort()).isEqualTo(17001);
        assertThat(settings.localNode().jmxPort()).isEqualTo(17199);
        assertThat(settings.localNode().heap()).isEqualTo("512m");
        assertThat(settings.localNode().dataDir()).isEqualTo(Path.of("data", "cassandra").toAbsolutePath());
    }

    @Test
    void configuration_keys_override_the_defaults() {
        OutcomeStoreSettings settings = OutcomeStoreSettings.fromProperties(Map.of(
                "collector.outcomes.contact-points", "127.0.0.1:9142, localhost",
                "collector.outcomes.local-datacenter", "dc-east",
                "collector.outcomes.keyspace", "collector_test",
                "collector.outcomes.request-timeout", "750ms",
                "collector.cassandra.heap", "256m",
                "collector.cassandra.stop-timeout", "PT10S",
                "collector.cassandra.jvm-options", " -XX:TieredStopAtLevel=1  -Xss512k ",
                "collector.dialer.pacing", "ignored: not ours"));

        assertThat(settings.contactPoints()).extracting(InetSocketAddress::getPort).containsExactly(9142, 9042);
        assertThat(settings.localDatacenter()).isEqualTo("dc-east");
        assertThat(settings.keyspace()).isEqualTo("collector_test");
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(settings.localNode().heap()).isEqualTo("256m");
        assertThat(settings.localNode().stopTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.localNode().extraJvmOptions()).containsExactly("-XX:TieredStopAtLevel=1", "-Xss512k");
        assertThat(settings.effectiveReplication().toCql())
                .isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc-east': 3}");
    }

    @Test
    void replication_is_parsed_from_its_short_form() {
        assertThat(OutcomeStoreSettings.fromProperties(Map.of("collector.outcomes.replication",
                "NetworkTopologyStrategy:dc1=3,dc2=2")).effectiveReplication().toCql())
                .isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2}");
        assertThat(OutcomeStoreSettings.fromProperties(Map.of("collector.outcomes.replication",
                "SimpleStrategy:2")).effectiveReplication()).isEqualTo(new Replication.Simple(2));
    }

    @Test
    void a_misspelt_key_or_bad_value_is_refused_by_name() {
        assertThatThrownBy(() -> OutcomeStoreSettings.fromProperties(Map.of("collector.outcomes.keyspce", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collector.outcomes.keyspce");
        assertThatThrownBy(() -> OutcomeStoreSettings.fromProperties(Map.of("collector.cassandra.cql-port", "ninety")))
                .hasMessageContaining("collector.cassandra.cql-port");
        assertThatThrownBy(() -> OutcomeStoreSettings.fromProperties(Map.of("collector.outcomes.keyspace", "1-bad")))
                .hasMessageContaining("keyspace");
        assertThatThrownBy(() -> OutcomeStoreSettings.fromProperties(Map.of("collector.cassandra.cql-port", "17000")))
                .hasMessageContaining("must differ");
    }

    @Test
    void contact_points_accept_ipv6_literals() {
        assertThat(OutcomeStoreSettings.parseContactPoints("[::1]:9043,::1"))
                .extracting(InetSocketAddress::getPort).containsExactly(9043, 9042);
        assertThat(List.of(OutcomeStoreSettings.parseContactPoints("127.0.0.1").get(0).getPort())).containsExactly(9042);
    }
}
