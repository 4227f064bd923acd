package dev.collector.dialer.window;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observation of one campaign's compliance window: person-answered and abandoned calls over the
 * last {@code window} (30 days for the FTC, 24 hours for Ofcom), loaded from the store on start and
 * saved after every counted call. Used from one thread (the dialer's event loop).
 */
public final class AbandonWindow {

    private static final Logger log = LoggerFactory.getLogger(AbandonWindow.class);

    private final String campaignId;
    private final Duration window;
    private final AbandonWindowStore store;
    private final Clock clock;
    private WindowCounts counts = WindowCounts.empty();

    public AbandonWindow(String campaignId, Duration window, AbandonWindowStore store, Clock clock) {
        this.campaignId = Objects.requireNonNull(campaignId, "campaignId");
        this.window = Objects.requireNonNull(window, "window");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Loads what an earlier run counted; call it before the first call is counted. */
    public CompletionStage<Void> load() {
        return store.load(campaignId).thenAccept(stored -> stored.ifPresent(loaded -> counts = loaded));
    }

    /** A person answered; {@code abandoned} when no agent was connected in time. */
    public void count(boolean abandoned) {
        counts = counts.withAnswer(clock.instant(), abandoned).within(window, clock.instant());
        store.save(campaignId, counts).whenComplete((done, failure) -> {
            if (failure != null) {
                log.warn("Abandon window of {} not saved; kept in memory", campaignId, failure);
            }
        });
    }

    public long answered() {
        return counts.answered(window, clock.instant());
    }

    public long abandoned() {
        return counts.abandoned(window, clock.instant());
    }

    public Duration window() {
        return window;
    }
}
