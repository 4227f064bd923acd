package dev.collector.dialer.pacing;

import java.time.Duration;

/**
 * Collector's predictive pacing: place as many calls as keep the expected abandons, per expected
 * answer, under a target that shrinks as the window's abandon budget is used up.
 *
 * <p>The unit of decision is the set of calls in flight over the next horizon {@code h}, the
 * observed mean time from placing a call to a person's answer. Over that horizon:
 * <ul>
 *   <li><b>Answers</b> {@code X}: each call already ringing for {@code e} seconds still yields a
 *       person with probability {@code q(e) = p·S(e) / (p·S(e) + 1 − p)}, where {@code S} is the
 *       survival of the ring time to answer (taken uniform up to the no-answer timeout, which
 *       never writes off a call a person may still pick up); each new call with
 *       probability {@code p̂}, the observed human answer rate raised by one standard error of its
 *       sample (an unmeasured campaign has {@code p̂ = 1}, i.e. it starts progressive). X is a sum of
 *       Bernoulli variables: mean {@code Σq + n·p̂}, variance {@code Σq(1−q) + n·p̂(1−p̂)}.</li>
 *   <li><b>Agents</b> {@code C}: the free agents, plus each busy agent with its probability
 *       {@code r} of being free within {@code h} ({@link HandlingTimes}: exponential talk, fixed
 *       wrap-up), less the answered calls already waiting; variance {@code Σr(1−r)}.</li>
 * </ul>
 * Taking {@code D = X − C} as normal, the expected number of answered calls that find no agent is
 * {@code E[D⁺] = σ·φ(μ/σ) + μ·Φ(μ/σ)}. The policy picks the largest number {@code n} of new calls
 * with {@code E[D⁺] ≤ τ · E[X]}: the expected abandons per expected answer stay under the target
 * rate {@code τ}. This is where the safety margin comes from: the binomial variance of answers and
 * of agent releases widens {@code σ}, so a small team (few agents, large relative variance) gets
 * far fewer extra calls per agent than a large one, and a low answer rate gets more calls per agent
 * but never more than the variance allows.
 *
 * <p>The target {@code τ = cap · aggressiveness · b} uses the share {@code b} of the abandon budget
 * left in the window ({@code 1 − rate/cap}, the rate measured on at least 100 answers): early in a
 * window, or after a run without abandons, pacing leans in; as the window's rate climbs toward the
 * cap the target falls to zero and pacing becomes progressive before the
 * {@link AbandonRateGovernor} has to step in. This feedback is what holds the cap when the answer
 * rate drifts faster than its estimate follows.
 *
 * <p>Never fewer calls than progressive would place, never more calls in flight than
 * {@code maxCallsPerAgent} per logged-in agent.
 */
public final class Predictive implements PacingPolicy {

    private static final long MIN_ANSWERED_FOR_RATE = 100;

    private final double aggressiveness;
    private final double maxCallsPerAgent;

    /**
     * @param aggressiveness   multiple of the cap aimed at per decision while no budget is used
     * @param maxCallsPerAgent upper bound on calls in flight per logged-in agent (trunks, carrier rules)
     */
    public Predictive(double aggressiveness, double maxCallsPerAgent) {
        if (!(aggressiveness > 0)) {
            throw new IllegalArgumentException("aggressiveness must be positive: " + aggressiveness);
        }
        if (!(maxCallsPerAgent >= 1)) {
            throw new IllegalArgumentException("maxCallsPerAgent must be at least 1: " + maxCallsPerAgent);
        }
        this.aggressiveness = aggressiveness;
        this.maxCallsPerAgent = maxCallsPerAgent;
    }

    /** The defaults the benchmark was run with. */
    public static Predictive standard() {
        return new Predictive(0.5, 3.0);
    }

    @Override
    public PacingDecision decide(PacingState state) {
        int floor = Progressive.callsFor(state);
        double horizon = HandlingTimes.seconds(state.meanRingToAnswer());
        double timeout = HandlingTimes.seconds(state.noAnswerTimeout());
        double p = answerRateUpperEstimate(state);

        double ringingMean = 0;
        double ringingVar = 0;
        for (Duration elapsed : state.ringing()) {
            double q = stillAnswers(p, HandlingTimes.seconds(elapsed), timeout);
            ringingMean += q;
            ringingVar += q * (1 - q);
        }
        double agentsMean = state.agentsFree() - state.callsWaitingForAgent();
        double agentsVar = 0;
        for (BusyAgent agent : state.busyAgents()) {
            double r = state.handlingTimes().probabilityFreeWithin(agent, state.meanRingToAnswer());
            agentsMean += r;
            agentsVar += r * (1 - r);
        }

        double budgetLeft = Math.max(0, 1 - state.abandonRate(MIN_ANSWERED_FOR_RATE) / state.abandonCap());
        double target = state.abandonCap() * aggressiveness * budgetLeft;
        int ceiling = Math.max(floor, (int) Math.floor(maxCallsPerAgent * state.agentsLoggedIn())
                - state.callsRinging() - state.callsWaitingForAgent() - state.agentsTalking());

        int calls = floor;
        while (calls < ceiling) {
            int next = calls + 1;
            double answers = ringingMean + next * p;
            double shortfall = Normal.expectedPositivePart(answers - agentsMean,
                    Math.sqrt(ringingVar + next * p * (1 - p) + agentsVar));
            if (shortfall > target * answers) {
                break;
            }
            calls = next;
        }
        return new PacingDecision(calls, DialMode.PREDICTIVE, false, String.format(
                "predictive: %.1f agents expected free within %.0f s, answer rate %.1f %%, %d ringing, "
                        + "abandon target %.2f %% (%.0f %% of budget left): %d to place",
                agentsMean, horizon, p * 100, state.callsRinging(), target * 100, budgetLeft * 100, calls));
    }

    private static double answerRateUpperEstimate(PacingState state) {
        long n = state.answerSampleSize();
        if (n == 0) {
            return 1.0;
        }
        double p = state.humanAnswerRate();
        return Math.min(1.0, p + Math.sqrt(p * (1 - p) / n) + 1.0 / n);
    }

    /**
     * Probability that a call ringing for {@code elapsed} seconds will still be answered by a person,
     * a person's answer taken as equally likely at any moment until the ring-out. Not fitted to the
     * observed ring times on purpose: early in a day those are the quick answers only, and a survival
     * fitted to them writes off calls that are about to be answered.
     */
    static double stillAnswers(double p, double elapsed, double noAnswerTimeout) {
        double survival = Math.max(0, 1 - elapsed / noAnswerTimeout);
        double live = p * survival;
        // clamped: p·S / (p·S + 0) may round to just above 1, and a negative variance poisons the sum
        return live <= 0 ? 0 : Math.min(1.0, live / (live + 1 - p));
    }
}
