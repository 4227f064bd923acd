package dev.collector.dialer.pacing;

/** A fixed number of calls per free agent ({@code ratio} of 1 is progressive). */
public final class Power implements PacingPolicy {

    private final double ratio;

    public Power(double ratio) {
        if (!(ratio >= 1)) {
            throw new IllegalArgumentException("ratio must be at least 1: " + ratio);
        }
        this.ratio = ratio;
    }

    @Override
    public PacingDecision decide(PacingState state) {
        int target = (int) Math.floor(ratio * state.agentsFree() + 1e-9);
        int calls = Math.max(0, target - state.callsRinging() - state.callsWaitingForAgent());
        return new PacingDecision(calls, DialMode.POWER, false,
                String.format("power %.2f per free agent, %d free, %d ringing: %d to place",
                        ratio, state.agentsFree(), state.callsRinging(), calls));
    }
}
