package dev.collector.dialer.pacing;

/** One call per free agent, less the calls already ringing or waiting for one: never abandons. */
public final class Progressive implements PacingPolicy {

    @Override
    public PacingDecision decide(PacingState state) {
        int calls = callsFor(state);
        return new PacingDecision(calls, DialMode.PROGRESSIVE, false,
                state.agentsFree() + " free agents, " + state.callsRinging() + " calls ringing: " + calls + " to place");
    }

    static int callsFor(PacingState state) {
        return Math.max(0, state.agentsFree() - state.callsRinging() - state.callsWaitingForAgent());
    }
}
