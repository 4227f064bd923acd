package dev.collector.pbx.world;

import java.time.Duration;
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
 */
public record DebtorBehaviour(
        OutcomeShares shares,
        DurationDistribution ringTime,
        DurationDistribution talkTime,
        DurationDistribution machineMessage,
        DurationDistribution signallingDelay) {

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
        return new DebtorBehaviour(shares, ringTime, talkTime, machineMessage, signallingDelay);
    }

    public DebtorBehaviour withRingTime(DurationDistribution ringTime) {
        return new DebtorBehaviour(shares, ringTime, talkTime, machineMessage, signallingDelay);
    }

    public DebtorBehaviour withTalkTime(DurationDistribution talkTime) {
        return new DebtorBehaviour(shares, ringTime, talkTime, machineMessage, signallingDelay);
    }

    public DebtorBehaviour withMachineMessage(DurationDistribution machineMessage) {
        return new DebtorBehaviour(shares, ringTime, talkTime, machineMessage, signallingDelay);
    }

    public DebtorBehaviour withSignallingDelay(DurationDistribution signallingDelay) {
        return new DebtorBehaviour(shares, ringTime, talkTime, machineMessage, signallingDelay);
    }

    /**
     * Decides one call. Every draw is made even when variables force the result, so that forcing
     * one call does not shift the random sequence of the calls after it.
     */
    DebtorReaction react(Random random, ChannelVariables variables) {
        CallOutcome drawn = shares.pick(random);
        Duration ring = ringTime.sample(random);
        Duration talk = talkTime.sample(random);
        Duration message = machineMessage.sample(random);
        Duration signalling = signallingDelay.sample(random);

        CallOutcome outcome = variables.get(FORCE).flatMap(force -> {
            Optional<CallOutcome> forced = CallOutcome.fromLabel(force);
            if (forced.isEmpty()) {
                log.warn("ignoring FORCE={}: expected answer, machine, busy, congestion or noanswer", force);
            }
            return forced;
        }).orElse(drawn);
        Duration forcedRing = variables.seconds(RING).orElse(ring);
        Duration forcedTalk = variables.seconds(TALK).orElse(outcome == CallOutcome.MACHINE ? message : talk);
        return new DebtorReaction(outcome, forcedRing, forcedTalk, signalling);
    }
}
