package dev.collector.casequeue;

import java.util.List;
import java.util.Objects;

/**
 * Where this node's Hazelcast member listens and which members it joins.
 *
 * @param members other members as {@code host:port}; empty for a lone embedded member
 */
public record HazelcastSettings(String clusterName, String host, int port, List<String> members) {

    public HazelcastSettings {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(host, "host");
        members = List.copyOf(members);
    }

    /** One embedded member on loopback: the local default. Port 0 picks the first free from 5701. */
    public static HazelcastSettings embedded() {
        return new HazelcastSettings("collector", "127.0.0.1", 5701, List.of());
    }

    public HazelcastSettings withClusterName(String name) {
        return new HazelcastSettings(name, host, port, members);
    }

    public HazelcastSettings withPort(int newPort) {
        return new HazelcastSettings(clusterName, host, newPort, members);
    }
}
