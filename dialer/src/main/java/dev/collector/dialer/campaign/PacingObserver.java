package dev.collector.dialer.campaign;

import dev.collector.dialer.call.LiveCall;
import dev.collector.dialer.pacing.BusyAgent;
import dev.collector.dialer.pacing.HandlingTimes;
import dev.collector.dialer.pacing.PacingState;
import dev.collector.dialer.window.AbandonWindow;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.AgentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Builds the {@link PacingState} the pacing policies decide on from what this node sees live: the
 * roster, the calls in flight, the observed handling times and the compliance window.
 *
 * <p>An agent reserved for a call counts as free and his call as ringing (or waiting, once
 * answered): policies subtract calls ringing and waiting from free agents, so a reservation is
 * neither counted twice nor forgotten, whichever flow placed the call.
 */
final class PacingObserver {

    private final AgentRoster roster;
    private final HandlingObservations handling;
    private final AbandonWindow window;
    private final Duration ringOut;
    /** A supervisor may lower it while the dialer runs ({@link CampaignDialer#capAbandonRate}). */
    private volatile double abandonCap;

    PacingObserver(AgentRoster roster, HandlingObservations handling, AbandonWindow window, Duration ringOut,
                   double abandonCap) {
        this.roster = roster;
        this.handling = handling;
        this.window = window;
        this.ringOut = ringOut;
        this.abandonCap = abandonCap;
    }

    void capAbandonRate(double cap) {
        abandonCap = cap;
    }

    PacingState observe(Instant now, Collection<LiveCall> live, boolean governorEngaged) {
        int free = 0;
        List<BusyAgent> busy = new ArrayList<>();
        for (AgentStatus agent : roster.statuses()) {
            Duration elapsed = nonNegative(Duration.between(agent.since(), now));
            switch (agent.state()) {
                case READY, RESERVED -> free++;
                case ON_CALL -> busy.add(BusyAgent.talking(elapsed));
                case WRAP_UP -> busy.add(BusyAgent.wrappingUp(elapsed));
                case PAUSED, LOGGED_OUT -> { }
            }
        }
        List<Duration> ringing = new ArrayList<>();
        int waiting = 0;
        for (LiveCall call : live) {
            if (!call.answered()) {
                ringing.add(nonNegative(Duration.between(call.dialedAt(), now)));
            } else if (call.waitsForAgent()) {
                waiting++;
            }
        }
        return new PacingState(now, free + busy.size(), free, busy,
                new HandlingTimes(handling.meanTalk(live, now), handling.meanWrapUp()), ringing, waiting,
                handling.humanAnswerRate(now), handling.answerSampleSize(now), handling.meanRingToAnswer(), ringOut,
                window.abandoned(), window.answered(), abandonCap, governorEngaged);
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
