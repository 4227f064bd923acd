package dev.collector.pbx.world;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The population of simulated debtors: how often they answer, how long they let it ring and how
 * long they talk. Durations are simulated time; the simulator's time scale applies on top.
 *
 * <p>One call's reaction can be forced with Originate channel variables, as in the capture's
 * dialplan: {@code FORCE=answer|machine|busy|congestion|noanswer}, {@code RING=<seconds>} (until
 * pick-up) and {@code TALK=<seconds>} (until the debtor, or the machine, hangs up).
 *
 * @param shares relative weights of the outcomes
 * @param ringTime until a person or an answering machine picks up
 * @param talkTime how long a person talks before hanging up
 * @param machineMessage how long an answering machine plays before it hangs up
 * @param signallingDelay until the network reports busy or congestion
 * @param amdAccuracy share of answers Asterisk's AMD() classifies rightly (vendors quote 0.8-0.95);
 *     the others are a person taken for a machine or a machine for a person
 * @param drift how the answer share drifts over the simulated day
 */
public record DebtorBehaviour(
        OutcomeShares shares,
        DurationDistribution ringTime,
        DurationDistribution talkTime,
        DurationDistribution machineMessage,
        DurationDistribution signallingDelay,
        double amdAccuracy,
        DailyDrift drift) {

    public static final String FORCE = "FORCE";
    public static final String TALK = "TALK";
    public static final String RING = "RING";

    private static final Logger log = LoggerFactory.getLogger(DebtorBehaviour.class);

    public DebtorBehaviour {
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(ringTime, "ringTime");
        Objects.requireNonNull(talkTime, "talkTime");
        Objects.requireNonNull(machineMessage, "machineMessage");
        Objects.requireNonNull(signallingDelay, "signallingDelay");
        if (!(amdAccuracy >= 0 && amdAccuracy <= 1)) {
            throw new IllegalArgumentException("amdAccuracy must be within 0..1: " + amdAccuracy);
        }
        Objects.requireNonNull(drift, "drift");
    }

    /** With an answering-machine detection that never errs. */
    public DebtorBehaviour(OutcomeShares shares, DurationDistribution ringTime, DurationDistribution talkTime,
            DurationDistribution machineMessage, DurationDistribution signallingDelay) {
        this(shares, ringTime, talkTime, machineMessage, signallingDelay, 1.0, DailyDrift.none());
    }

    /**
     * The capture's outcome shares with realistic times: rings 5-20 s before pick-up, talks
     * 3 minutes on average (exponential, 20 s to 20 min), a machine plays 10-25 s, the network
     * reports busy or congestion within 0.5-2 s.
     */
    public static DebtorBehaviour defaults() {
        return new DebtorBehaviour(
                OutcomeShares.captureDialplan(),
                DurationDistribution.uniform(Duration.ofSeconds(5), Duration.ofSeconds(20)),
                DurationDistribution.exponential(Duration.ofMinutes(3), Duration.ofSeconds(20), Duration.ofMinutes(20)),
                DurationDistribution.uniform(Duration.ofSeconds(10), Duration.ofSeconds(25)),
                DurationDistribution.uniform(Duration.ofMillis(500), Duration.ofSeconds(2)));
    }

    public DebtorBehaviour withShares(OutcomeShares shares) {
        return new DebtorBehaviour(shares, ringTime, talkTime, machineMessage, signallingDelay, amdAccuracy, drift);
    }

    public DebtorBehaviour withRingTime(DurationDistribution ringTime) {
        return new DebtorBehaviour(shares, ringTime, talkTime, machineMessage, signallingDelay, amdAccuracy, drift);
    }

    public DebtorBehaviour withTalkTime(DurationDistribution talkTime) {
        return new DebtorBehaviour(shares, ringTime, talkTime, machineMessage, signallingDelay, amdAccuracy, drift);
    }

    public DebtorBehaviour withMachineMessage(DurationDistribution machineMessage) {
        return new DebtorBehaviour(shares, ringTime, talkTime, machineMessage, signallingDelay, amdAccuracy, drift);
    }

    public DebtorBehaviour withSignallingDelay(DurationDistribution signallingDelay) {
        return new DebtorBehaviour(shares, ringTime, talkTime, machineMessage, signallingDelay, amdAccuracy, drift);
    }

    public DebtorBehaviour withAmdAccuracy(double accuracy) {
        return new DebtorBehaviour(shares, ringTime, talkTime, machineMessage, signallingDelay, accuracy, drift);
    }

    public DebtorBehaviour withDrift(DailyDrift newDrift) {
        return new DebtorBehaviour(shares, ringTime, talkTime, machineMessage, signallingDelay, amdAccuracy, newDrift);
    }

    /**
     * Decides one call. Every draw is made even when variables force the result, so that forcing
     * one call does not shift the random sequence of the calls after it.
     */
    DebtorReaction react(Random random, ChannelVariables variables) {
        return react(random, variables, 1.0);
    }

    /** Decides one call placed at this simulated time of day. */
    DebtorReaction react(Random random, ChannelVariables variables, LocalTime timeOfDay) {
        return react(random, variables, drift.answerFactor(timeOfDay));
    }

    private DebtorReaction react(Random random, ChannelVariables variables, double answerFactor) {
        CallOutcome drawn = answerFactor == 1.0 ? shares.pick(random) : shares.pick(random, answerFactor);
        Duration ring = ringTime.sample(random);
        Duration talk = talkTime.sample(random);
        Duration message = machineMessage.sample(random);
        Duration signalling = signallingDelay.sample(random);
        // drawn only for a fallible AMD, so that the default population's sequence of draws (which
        // seeded tests and the demo rely on) stays what it was before detection errors existed
        boolean amdRight = amdAccuracy >= 1 || random.nextDouble() < amdAccuracy;

        CallOutcome outcome = variables.get(FORCE).flatMap(force -> {
            Optional<CallOutcome> forced = CallOutcome.fromLabel(force);
            if (forced.isEmpty()) {
                log.warn("ignoring FORCE={}: expected answer, machine, busy, congestion or noanswer", force);
            }
            return forced;
        }).orElse(drawn);
        Duration forcedRing = variables.seconds(RING).orElse(ring);
        Duration forcedTalk = variables.seconds(TALK).orElse(outcome == CallOutcome.MACHINE ? message : talk);
        return new DebtorReaction(outcome, forcedRing, forcedTalk, signalling, amdRight);
    }
}
