package dev.collector.app.monitoring;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.collector.console.supervisor.FloorHistory;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What supervisors set and what the wall drew, kept over a restart in two Hazelcast maps that the
 * composition root makes durable (written through to Cassandra with the call list's maps): the
 * abandon cap a supervisor lowered, per campaign, applied again to the dialer when it starts; and
 * the day's curve of each node's wall, continued by the restarted node. A campaign's dial mode
 * needs nothing here: it lives in the campaign map, which is durable already.
 */
public final class KeptSupervision {

    /** Supervisors' settings per campaign. */
    public static final String SETTINGS_MAP = "supervisor-settings";
    /** Each node's curve of the day, one entry per node (a day is 1,440 small points). */
    public static final String HISTORY_MAP = "floor-history";
    private static final Logger log = LoggerFactory.getLogger(KeptSupervision.class);

    /** A supervisor's abandon cap for a campaign, and when it was set. */
    record CampaignSettings(String campaignId, double abandonCap, Instant setAt) implements Serializable {
    }

    private final IMap<String, CampaignSettings> settings;
    private final IMap<String, ArrayList<FloorHistory.Minute>> history;
    private final String node;
    private final Clock clock;

    /** @param node names this node's curve: the same after a restart (its Hazelcast address) */
    KeptSupervision(HazelcastInstance hazelcast, String node, Clock clock) {
        this.settings = hazelcast.getMap(SETTINGS_MAP);
        this.history = hazelcast.getMap(HISTORY_MAP);
        this.node = node;
        this.clock = clock;
    }

    /** The cap a supervisor set for the campaign, if any. Blocks for one map read. */
    Optional<Double> abandonCap(String campaignId) {
        return Optional.ofNullable(settings.get(campaignId)).map(CampaignSettings::abandonCap);
    }

    /**
     * Sets the cap a supervisor set before a restart on the dialer that starts ({@code dialer}, its
     * {@code capAbandonRate}). A cap the configuration no longer allows is left (and said so).
     */
    void applyKeptCap(String campaignId, java.util.function.DoubleConsumer dialer) {
        abandonCap(campaignId).ifPresent(cap -> {
            try {
                dialer.accept(cap);
                log.info("Abandon cap of {} set by a supervisor before the restart holds again: {} %", campaignId,
                        100 * cap);
            } catch (IllegalArgumentException e) {
                log.warn("Abandon cap of {} kept from before the restart not applied: {}", campaignId, e.getMessage());
            }
        });
    }

    /** Keeps the cap a supervisor set. Blocks until it is written through. */
    void abandonCapSet(String campaignId, double cap) {
        settings.set(campaignId, new CampaignSettings(campaignId, cap, clock.instant()));
    }

    /** Gives the wall's history back what this node kept, and keeps each minute it closes from now on. */
    void keep(FloorHistory wallHistory) {
        List<FloorHistory.Minute> kept = history.get(node);
        if (kept != null && !kept.isEmpty()) {
            wallHistory.restore(kept, clock.instant());
            log.info("Supervisor wall of {}: {} minutes of the day's curve taken back", node, kept.size());
        }
        wallHistory.whenMinuteClosed(minutes -> history.setAsync(node, new ArrayList<>(minutes))
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        log.warn("The wall's curve was not kept this minute: {}", failure.toString());
                    }
                }));
    }
}
