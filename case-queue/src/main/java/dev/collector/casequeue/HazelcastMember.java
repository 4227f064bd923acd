package dev.collector.casequeue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.QueueConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/** Starts the Hazelcast member that holds the shared state of a Collector node. */
public final class HazelcastMember {

    private HazelcastMember() {
    }

    public static HazelcastInstance start(HazelcastSettings settings) {
        return Hazelcast.newHazelcastInstance(config(settings));
    }

    static Config config(HazelcastSettings settings) {
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
        config.addQueueConfig(campaignQueueConfig());
        return config;
    }

    private static QueueConfig campaignQueueConfig() {
        return new QueueConfig(HazelcastCallList.QUEUE_PREFIX + "*")
                .setPriorityComparatorClassName(QueuedCaseOrder.class.getName())
                // one synchronous backup: losing a member loses no waiting case
                .setBackupCount(1);
    }
}
