package dev.collector.casequeue;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.QueueConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/** Starts the Hazelcast member that holds the shared state of a Collector node. */
public final class HazelcastMember {

    private HazelcastMember() {
    }

    public static HazelcastInstance start(HazelcastSettings settings) {
        return start(config(settings));
    }

    public static HazelcastInstance start(Config config) {
        return Hazelcast.newHazelcastInstance(config);
    }

    /** The member's configuration, for a caller that adds to it (map stores) before starting. */
    public static Config config(HazelcastSettings settings) {
        Config config = new Config();
        config.setClusterName(settings.clusterName());
        config.setInstanceName(settings.clusterName() + "-" + settings.port() + "-" + System.nanoTime());
        // Explicit discovery only: multicast and cloud auto-detection would try the network.
        config.setProperty("hazelcast.local.localAddress", settings.host());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // The node stops Hazelcast itself, after the parts that still write to it.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().setPort(settings.port()).setPortAutoIncrement(true);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        join.getTcpIpConfig().addMember(settings.host());
        settings.members().forEach(m -> join.getTcpIpConfig().addMember(m));
        config.getSerializationConfig().addSerializerConfig(new SerializerConfig()
                .setTypeClass(QueuedCase.class).setImplementation(new QueuedCaseSerializer()));
        config.addQueueConfig(campaignQueueConfig());
        config.addMapConfig(casesConfig());
        config.addMapConfig(contactRecordsConfig());
        config.addMapConfig(new MapConfig(HazelcastCallList.DO_NOT_CALL).setBackupCount(1));
        config.addMapConfig(new MapConfig(HazelcastCallList.CAMPAIGN_RULES).setBackupCount(1));
        return config;
    }

    /**
     * Cases are kept as objects: the maintenance queries them every second by status and due time,
     * and entry processors change them in place, neither of which should deserialize 500,000 cases.
     */
    private static MapConfig casesConfig() {
        return new MapConfig(HazelcastCallList.CASES)
                .setBackupCount(1)
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .addIndexConfig(new IndexConfig(IndexType.HASH, "campaignStatus"))
                .addIndexConfig(new IndexConfig(IndexType.HASH, "debtorId"))
                .addIndexConfig(new IndexConfig(IndexType.SORTED, "wakeAtMillis"));
    }

    private static MapConfig contactRecordsConfig() {
        return new MapConfig(HazelcastCallList.CONTACT_RECORDS)
                .setBackupCount(1)
                .setInMemoryFormat(InMemoryFormat.OBJECT);
    }

    private static QueueConfig campaignQueueConfig() {
        return new QueueConfig(HazelcastCallList.QUEUE_PREFIX + "*")
                .setPriorityComparatorClassName(QueuedCaseOrder.class.getName())
                // one synchronous backup: losing a member loses no waiting case
                .setBackupCount(1);
    }
}
