package dev.collector.dialer.pacing;

/**
 * Calls in flight held at {@code level} times the logged-in agents: the classic fixed "dial level"
 * that VICIdial's adaptive modes adjust over time. An agent in conversation or wrap-up counts as one
 * call in flight, so level 1 is exactly progressive and every tenth above it is a tenth of the team
 * dialed ahead.
 */
public final class FixedDialLevel implements PacingPolicy {

    private final double level;

    public FixedDialLevel(double level) {
        if (!(level >= 1)) {
            throw new IllegalArgumentException("level must be at least 1: " + level);
        }
        this.level = level;
    }

    public double level() {
        return level;
    }

    @Override
    public PacingDecision decide(PacingState state) {
        int calls = callsFor(level, state);
        return new PacingDecision(calls, DialMode.FIXED_LEVEL, false,
                String.format("dial level %.2f × %d agents: %d to place", level, state.agentsLoggedIn(), calls));
    }

    static int callsFor(double level, PacingState state) {
        int target = (int) Math.floor(level * state.agentsLoggedIn() + 1e-9);
        int inFlight = state.callsRinging() + state.callsWaitingForAgent() + state.busyAgents().size();
        return Math.max(0, target - inFlight);
    }
}
