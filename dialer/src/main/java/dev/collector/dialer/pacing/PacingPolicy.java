package dev.collector.dialer.pacing;

/**
 * A pacing method: a pure function from what is observed now to how many calls to place now. The
 * same implementation serves the live dialer and the simulator; neither time nor randomness is read
 * from anywhere but the state.
 */
public interface PacingPolicy {

    PacingDecision decide(PacingState state);
}
