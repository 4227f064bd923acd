package dev.collector.bench;

import dev.collector.dialer.pacing.PacingDecision;
import dev.collector.dialer.pacing.PacingPolicy;
import dev.collector.dialer.pacing.PacingState;

/** What the simulation asks once a second; one instance per simulated day (baselines may keep state). */
interface Pacer {

    PacingDecision decide(PacingState state, RecentActivity recent);

    static Pacer of(PacingPolicy policy) {
        return (state, recent) -> policy.decide(state);
    }
}
