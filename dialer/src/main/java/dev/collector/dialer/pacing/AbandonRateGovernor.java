package dev.collector.dialer.pacing;

/**
 * Falls back to progressive dialing when the window's abandon rate nears the cap, and lets the
 * wrapped policy resume only once the rate is well below it again. The two thresholds (hysteresis)
 * keep the campaign from flapping between modes around one value. Whether it was engaged comes in
 * with the state ({@link PacingState#governorEngaged()}) and goes out with the decision, so the
 * governor stays a pure function. The rate is measured on at least {@code minAnswered} answers, so
 * that the first abandon of a window does not read as a huge rate.
 */
public final class AbandonRateGovernor implements PacingPolicy {

    private final PacingPolicy governed;
    private final double engageAtShareOfCap;
    private final double releaseAtShareOfCap;
    private final long minAnswered;

    public AbandonRateGovernor(PacingPolicy governed, double engageAtShareOfCap, double releaseAtShareOfCap,
                               long minAnswered) {
        if (!(releaseAtShareOfCap > 0 && releaseAtShareOfCap < engageAtShareOfCap && engageAtShareOfCap <= 1)) {
            throw new IllegalArgumentException("need 0 < releaseAtShareOfCap < engageAtShareOfCap <= 1, got "
                    + releaseAtShareOfCap + " and " + engageAtShareOfCap);
        }
        if (minAnswered < 1) {
            throw new IllegalArgumentException("minAnswered must be at least 1: " + minAnswered);
        }
        this.governed = governed;
        this.engageAtShareOfCap = engageAtShareOfCap;
        this.releaseAtShareOfCap = releaseAtShareOfCap;
        this.minAnswered = minAnswered;
    }

    /** Engages at 90 % of the cap, releases at 70 %, rate measured on at least 100 answers. */
    public static AbandonRateGovernor around(PacingPolicy governed) {
        return new AbandonRateGovernor(governed, 0.9, 0.7, 100);
    }

    @Override
    public PacingDecision decide(PacingState state) {
        double rate = state.abandonRate(minAnswered);
        double engageAt = engageAtShareOfCap * state.abandonCap();
        double releaseAt = releaseAtShareOfCap * state.abandonCap();
        // the tolerance keeps a rate of exactly 21/1000 from reading as above 0.7 × 0.03 in binary floating point
        boolean engaged = state.governorEngaged() ? rate > releaseAt + 1e-12 : rate >= engageAt - 1e-12;
        if (engaged) {
            int calls = Progressive.callsFor(state);
            return new PacingDecision(calls, DialMode.PROGRESSIVE, true, String.format(
                    "abandon-rate governor: %.2f %% abandoned in window (cap %.2f %%), progressive until it is "
                            + "at or below %.2f %%: %d to place",
                    rate * 100, state.abandonCap() * 100, releaseAt * 100, calls));
        }
        PacingDecision decision = governed.decide(state);
        return new PacingDecision(decision.callsToPlace(), decision.mode(), false, decision.reason());
    }
}
