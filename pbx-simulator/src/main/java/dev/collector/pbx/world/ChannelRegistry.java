package dev.collector.pbx.world;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live channels by name, and the counters Asterisk names channels with: {@code
 * <epoch seconds>.<n>} unique ids counted over every channel ever made, and a per-technology
 * sequence for the {@code -0000000a} suffix of channel names.
 */
final class ChannelRegistry {

    private final Clock clock;
    private final Map<String, Channel> byName = new LinkedHashMap<>();
    private final Map<String, Integer> nameSequences = new HashMap<>();
    /** Live Uniqueids, so that a client's ChannelId is checked without walking thousands of channels. */
    private final java.util.Set<String> uniqueIds = new java.util.HashSet<>();
    private long uniqueIdSequence;

    ChannelRegistry(Clock clock) {
        this.clock = clock;
    }

    /** A fresh Uniqueid; the counter advances even when the client assigns the id itself. */
    String nextUniqueId(Optional<String> assigned) {
        String generated = clock.instant().getEpochSecond() + "." + uniqueIdSequence++;
        return assigned.orElse(generated);
    }

    /** {@code Local/5550001@debtors-0000000b} (no leg suffix yet), {@code PJSIP/agent-17-0000000c}. */
    String nextName(String technology, String resource) {
        int sequence = nameSequences.merge(technology, 1, Integer::sum) - 1;
        return technology + "/" + resource + "-" + String.format("%08x", sequence);
    }

    boolean uniqueIdInUse(String uniqueId) {
        return uniqueIds.contains(uniqueId);
    }

    void add(Channel channel) {
        byName.put(channel.name(), channel);
        uniqueIds.add(channel.uniqueId());
    }

    void remove(Channel channel) {
        byName.remove(channel.name());
        uniqueIds.remove(channel.uniqueId());
    }

    /** Asterisk looks channels up by name ignoring case. */
    Optional<Channel> find(String name) {
        Channel exact = byName.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return byName.values().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    List<Channel> all() {
        return new ArrayList<>(byName.values());
    }

    int size() {
        return byName.size();
    }
}
