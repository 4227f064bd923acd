package dev.collector.dialer.window;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where a campaign's compliance-window counts are kept so that a restart of the dialer does not
 * reset the abandon rate to zero (and let pacing lean in on a window that is already near the cap).
 * The composition root gives a durable Hazelcast map; tests an in-memory one.
 */
public interface AbandonWindowStore {

    CompletionStage<Optional<WindowCounts>> load(String campaignId);

    CompletionStage<Void> save(String campaignId, WindowCounts counts);
}
