package dev.collector.dialer.campaign;

import dev.collector.dialer.call.LiveCall;
import dev.collector.domain.agent.Agent;
import dev.collector.domain.casework.Case;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who takes a call. The seam for routing: the roster's longest-idle agent ({@link LongestIdleAgent})
 * or routing's choice by callback, affinity, queue and skill ({@link RoutedAgentChooser}). It must
 * answer at once (the 2-second rule runs) and reserve the agent it names.
 */
public interface AgentChooser {

    /**
     * Reserves an agent for the call, or empty when none is to be given it now.
     *
     * @param answeredAt when the debtor answered a call placed ahead of the agents (power,
     *                   predictive); empty for a call about to be placed for the agent chosen
     *                   (progressive)
     */
    Optional<Agent> reserveFor(String attemptId, Case aCase, Optional<Instant> answeredAt);

    /** A debtor who answered a call placed ahead of the agents. */
    default Optional<Agent> reserveFor(LiveCall call) {
        return reserveFor(call.attemptId(), call.aCase(), call.answeredAt());
    }

    /**
     * After an empty {@link #reserveFor}: when to ask again even if no agent becomes ready meanwhile
     * (routing held the debtor for an agent about to be free, and gives him to another after). Empty:
     * ask again only when an agent becomes ready.
     */
    default Optional<Duration> askAgainIn(LiveCall call) {
        return Optional.empty();
    }
}
