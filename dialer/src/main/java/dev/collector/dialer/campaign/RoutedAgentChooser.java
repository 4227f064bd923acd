package dev.collector.dialer.campaign;

import dev.collector.dialer.call.LiveCall;
import dev.collector.domain.agent.Agent;
import dev.collector.domain.casework.Case;
import dev.collector.routing.assignment.ChoosingAnAgent;
import dev.collector.routing.assignment.RoutingDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routing's choice ({@link ChoosingAnAgent}: callback owner, affinity, queue by role, language and
 * team). When routing holds an answered debtor for the agent he knows, the dialer is told when to
 * ask again, so the hold ends inside the 2-second rule even if nobody becomes ready.
 */
public final class RoutedAgentChooser implements AgentChooser {

    private final ChoosingAnAgent routing;
    private final Clock clock;
    /** By attempt id: when routing said to ask again about a debtor it holds. */
    private final Map<String, Instant> holds = new ConcurrentHashMap<>();

    public RoutedAgentChooser(ChoosingAnAgent routing, Clock clock) {
        this.routing = routing;
        this.clock = clock;
    }

    @Override
    public Optional<Agent> reserveFor(String attemptId, Case aCase, Optional<Instant> answeredAt) {
        RoutingDecision decision = routing.choose(attemptId, aCase, answeredAt);
        if (decision instanceof RoutingDecision.HoldFor hold) {
            holds.put(attemptId, hold.askAgainAt());
        } else {
            holds.remove(attemptId);
        }
        return decision instanceof RoutingDecision.Reserved reserved ? Optional.of(reserved.agent()) : Optional.empty();
    }

    @Override
    public Optional<Duration> askAgainIn(LiveCall call) {
        return Optional.ofNullable(holds.remove(call.attemptId()))
                .map(at -> Duration.between(clock.instant(), at))
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait);
    }
}
