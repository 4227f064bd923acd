package dev.collector.pbx.world;

import java.time.Duration;

/**
 * What one simulated debtor does with one call, decided when the call is placed.
 *
 * @param ringTime how long the phone rings before a person or machine picks up
 * @param talkTime how long the person talks, or the machine plays, before hanging up
 * @param signallingDelay how long the network takes to report busy or congestion
 * @param amdRight whether answering-machine detection, if the dialplan runs it, classifies this
 *     answer rightly (a person as HUMAN, a machine as MACHINE)
 */
public record DebtorReaction(CallOutcome outcome, Duration ringTime, Duration talkTime, Duration signallingDelay,
                             boolean amdRight) {
}
