package dev.collector.routing.assignment;

import dev.collector.domain.agent.Agent;
import dev.collector.domain.casework.Case;
import dev.collector.routing.affinity.AffinityIndex;
import dev.collector.routing.affinity.PromisedCallback;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.AgentState;
import dev.collector.routing.roster.AgentStatus;
import dev.collector.routing.roster.Assignment;
import dev.collector.routing.skills.AgentProfile;
import dev.collector.routing.skills.AgentProfiles;
import dev.collector.routing.skills.QueueRules;
import dev.collector.routing.skills.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push-mode routing: the system, not the agent, picks who takes a call, in this order:
 *
 * <ol>
 *   <li>the agent the debtor asked to call back, when the call is that callback;
 *   <li>the agent who last obtained a promise or a payment from the debtor ({@link AffinityIndex},
 *       rebuilt from Cassandra at start);
 *   <li>the agents serving the case's queue, in the case's language and the campaign's team: the
 *       one for whom that queue comes first, then the longest idle (no agent waits while another
 *       is overloaded);
 *   <li>overflow: the longest idle agent who speaks the language;
 *   <li>last resort (if allowed): the longest idle agent.
 * </ol>
 *
 * When the preferred agent of 1 or 2 is not ready but about to be (wrapping up), a debtor who has
 * already answered is held for him, at most {@link RoutingSettings#affinityHold()} after the
 * answer; a call not yet placed (progressive) is never held, it goes to whoever qualifies now.
 *
 * <p>Answers at once from memory; thread-safe (the roster's lock makes choice and reservation one step).
 */
public final class ChoosingAnAgent {

    private static final Logger log = LoggerFactory.getLogger(ChoosingAnAgent.class);

    private final AgentRoster roster;
    private final AgentProfiles profiles;
    private final QueueRules queues;
    private final AffinityIndex affinities;
    private final RoutingSettings settings;
    private final Clock clock;

    public ChoosingAnAgent(AgentRoster roster, AgentProfiles profiles, QueueRules queues, AffinityIndex affinities,
                           RoutingSettings settings, Clock clock) {
        this.roster = roster;
        this.profiles = profiles;
        this.queues = queues;
        this.affinities = affinities;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param answeredAt when the debtor answered, for a call placed ahead of the agents; empty for
     *                   a call about to be placed for the agent chosen
     */
    public RoutingDecision choose(String attemptId, Case aCase, Optional<Instant> answeredAt) {
        Instant now = clock.instant();
        WorkQueue queue = queues.queueOf(aCase, LocalDate.now(clock.withZone(aCase.timeZone())));
        Optional<String> team = queues.teamOf(aCase.campaignId());
        Optional<PreferredAgent> preferred = preferredAgent(aCase, now);
        Route[] route = new Route[1];
        Optional<AgentStatus> heldFor = Optional.empty();
        Optional<Agent> reserved = roster.reserveChosen(new Assignment(attemptId, aCase.caseId(), aCase.campaignId()),
                all -> {
                    Optional<AgentStatus> known = preferred.flatMap(p -> find(all, p.agentId()));
                    if (known.isPresent() && known.get().state() == AgentState.READY) {
                        route[0] = preferred.get().route();
                        return Optional.of(known.get().agentId());
                    }
                    if (known.isPresent() && known.get().aboutToBeReady() && holdStillRunning(answeredAt, now)) {
                        return Optional.empty(); // held: see below
                    }
                    return pickByQueue(all, aCase, queue, team, route);
                });
        if (reserved.isPresent()) {
            log.debug("attempt {} of case {} ({}) to agent {} by {}", attemptId, aCase.caseId(), queue,
                    reserved.get().agentId(), route[0]);
            return new RoutingDecision.Reserved(reserved.get(), route[0], queue);
        }
        if (preferred.isPresent() && answeredAt.isPresent() && holdStillRunning(answeredAt, now)) {
            heldFor = roster.status(preferred.get().agentId()).filter(AgentStatus::aboutToBeReady);
        }
        if (heldFor.isPresent()) {
            return new RoutingDecision.HoldFor(heldFor.get().agentId(), answeredAt.get().plus(settings.affinityHold()));
        }
        return new RoutingDecision.NobodyReady();
    }

    /** Which queue a case is routed through (shown on the agent's screen and the wall). */
    public WorkQueue queueOf(Case aCase) {
        return queues.queueOf(aCase, LocalDate.now(clock.withZone(aCase.timeZone())));
    }

    private record PreferredAgent(String agentId, Route route) {
    }

    private Optional<PreferredAgent> preferredAgent(Case aCase, Instant now) {
        String debtorId = aCase.debtor().debtorId();
        Optional<PromisedCallback> callback = affinities.promisedCallback(debtorId)
                .filter(c -> Duration.between(c.at(), now).abs().compareTo(settings.callbackWindow()) <= 0);
        if (callback.isPresent()) {
            return Optional.of(new PreferredAgent(callback.get().agentId(), Route.CALLBACK_OWNER));
        }
        return affinities.successfulAgent(debtorId).map(a -> new PreferredAgent(a.agentId(), Route.AFFINITY));
    }

    private boolean holdStillRunning(Optional<Instant> answeredAt, Instant now) {
        return answeredAt.map(at -> now.isBefore(at.plus(settings.affinityHold()))).orElse(false);
    }

    private Optional<String> pickByQueue(List<AgentStatus> all, Case aCase, WorkQueue queue, Optional<String> team,
                                         Route[] route) {
        Predicate<AgentProfile> speaks = p -> p.speaks(aCase.language());
        Predicate<AgentProfile> inTeam = p -> team.map(p::inTeam).orElse(true);
        Optional<AgentStatus> inQueue = ready(all)
                .filter(s -> {
                    AgentProfile p = profiles.of(s.agentId());
                    return p.serves(queue) && speaks.test(p) && inTeam.test(p);
                })
                .min(Comparator.<AgentStatus>comparingInt(s -> profiles.of(s.agentId()).rankOf(queue))
                        .thenComparing(AgentStatus::since));
        if (inQueue.isPresent()) {
            route[0] = Route.QUEUE;
            return inQueue.map(AgentStatus::agentId);
        }
        Optional<AgentStatus> overflow = ready(all).filter(s -> speaks.test(profiles.of(s.agentId())))
                .min(Comparator.comparing(AgentStatus::since));
        if (overflow.isPresent()) {
            route[0] = Route.OVERFLOW;
            return overflow.map(AgentStatus::agentId);
        }
        if (!settings.lastResortAnyAgent()) {
            return Optional.empty();
        }
        route[0] = Route.LAST_RESORT;
        return ready(all).min(Comparator.comparing(AgentStatus::since)).map(AgentStatus::agentId);
    }

    private static java.util.stream.Stream<AgentStatus> ready(List<AgentStatus> all) {
        return all.stream().filter(s -> s.state() == AgentState.READY);
    }

    private static Optional<AgentStatus> find(List<AgentStatus> all, String agentId) {
        return all.stream().filter(s -> s.agentId().equals(agentId)).findFirst();
    }
}
