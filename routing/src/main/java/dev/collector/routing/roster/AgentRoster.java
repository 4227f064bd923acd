package dev.collector.routing.roster;

import dev.collector.domain.agent.Agent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents of this node and the state of each. Every change goes through one lock: the dialer,
 * the agents' browsers and the PBX events all move agents, and a call must never be given to an
 * agent who was just given another.
 */
public final class AgentRoster {

    private static final Logger log = LoggerFactory.getLogger(AgentRoster.class);
    /** Transitions kept in memory for the supervisor; the log keeps them all. */
    private static final int KEPT_TRANSITIONS = 2000;
    public static final Duration DEFAULT_WRAP_UP = Duration.ofSeconds(60);

    private final Clock clock;
    private final WrapUpTimes wrapUpTimes;
    private final PauseReasons pauseReasons;
    private final Map<String, AgentStatus> statuses = new LinkedHashMap<>();
    private final Deque<AgentTransition> transitions = new ArrayDeque<>();
    private final List<Consumer<AgentStatus>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<AgentTransition>> transitionListeners = new CopyOnWriteArrayList<>();

    public AgentRoster(Clock clock, Collection<Agent> agents) {
        this(clock, agents, WrapUpTimes.of(DEFAULT_WRAP_UP), PauseReasons.defaults());
    }

    public AgentRoster(Clock clock, Collection<Agent> agents, WrapUpTimes wrapUpTimes, PauseReasons pauseReasons) {
        this.clock = clock;
        this.wrapUpTimes = wrapUpTimes;
        this.pauseReasons = pauseReasons;
        agents.forEach(a -> statuses.put(a.agentId(), AgentStatus.loggedOut(a, clock.instant())));
    }

    public PauseReasons pauseReasons() {
        return pauseReasons;
    }

    /**
     * Transition listeners hear every change with where it came from, in order, under the roster's
     * lock: they must be quick (log, append) and must not call back into the roster.
     */
    public void onTransition(Consumer<AgentTransition> listener) {
        transitionListeners.add(listener);
    }

    /** The latest changes, oldest first (at most the last {@value #KEPT_TRANSITIONS}). */
    public synchronized List<AgentTransition> recentTransitions() {
        return new ArrayList<>(transitions);
    }

    /** Listeners hear every change, on the thread that made it. */
    public void onChange(Consumer<AgentStatus> listener) {
        listeners.add(listener);
    }

    public synchronized Optional<AgentStatus> status(String agentId) {
        return Optional.ofNullable(statuses.get(agentId));
    }

    public synchronized List<AgentStatus> statuses() {
        return new ArrayList<>(statuses.values());
    }

    public synchronized long count(AgentState state) {
        return statuses.values().stream().filter(s -> s.state() == state).count();
    }

    /** Logging in leaves the agent paused: taking calls is a separate, deliberate step. */
    public AgentStatus logIn(String agentId) {
        return change(agentId, "log in", s -> switch (s.state()) {
            case LOGGED_OUT -> s.paused(PauseReasons.NOT_READY, clock.instant());
            case PAUSED, READY -> s; // a reconnecting browser logs in again
            default -> s; // on a call: the reconnect must not lose the call
        });
    }

    public AgentStatus ready(String agentId) {
        return change(agentId, "go ready", s -> switch (s.state()) {
            case PAUSED -> s.withoutCall(AgentState.READY, clock.instant());
            case READY -> s;
            default -> throw new IllegalAgentTransition(agentId, s.state(), "go ready");
        });
    }

    /** Pauses for the usual (first configured) reason. */
    public AgentStatus pause(String agentId) {
        return pause(agentId, pauseReasons.usual());
    }

    /**
     * @param reason one of the configured {@link PauseReasons}, or one the system sets itself
     * @throws IllegalArgumentException for a reason code not configured
     */
    public AgentStatus pause(String agentId, String reason) {
        if (!pauseReasons.allows(reason) && !reason.equals(PauseReasons.DISCONNECTED)
                && !reason.equals(PauseReasons.NOT_READY)) {
            throw new IllegalArgumentException("unknown pause reason " + reason);
        }
        return change(agentId, "pause", s -> switch (s.state()) {
            case READY -> s.paused(reason, clock.instant());
            // a paused agent may change the reason (from a break to training): a new period starts
            case PAUSED -> s.pauseReason().equals(Optional.of(reason)) ? s : s.paused(reason, clock.instant());
            default -> throw new IllegalAgentTransition(agentId, s.state(), "pause");
        });
    }

    public AgentStatus logOut(String agentId) {
        return change(agentId, "log out", s -> switch (s.state()) {
            case READY, PAUSED, LOGGED_OUT -> s.withoutCall(AgentState.LOGGED_OUT, clock.instant());
            default -> throw new IllegalAgentTransition(agentId, s.state(), "log out");
        });
    }

    /**
     * Reserves the agent who has been ready the longest for the given call: the fairest
     * push-mode choice, and the one that keeps no agent idle while another is overloaded.
     */
    public Optional<Agent> reserveLongestIdle(Assignment assignment) {
        return reserveChosen(assignment, all -> all.stream()
                .filter(s -> s.state() == AgentState.READY)
                .min(Comparator.comparing(AgentStatus::since))
                .map(AgentStatus::agentId));
    }

    /**
     * Reserves the agent a routing rule picks from the roster as it stands, under the roster's lock:
     * nobody can take the agent between the choice and the reservation. A pick of an agent who is
     * not READY reserves nobody.
     *
     * @param pick sees every agent's status; must be quick and must not call back into the roster
     */
    public Optional<Agent> reserveChosen(Assignment assignment, Function<List<AgentStatus>, Optional<String>> pick) {
        AgentStatus before;
        AgentStatus reserved;
        synchronized (this) {
            Optional<AgentStatus> chosen = pick.apply(List.copyOf(statuses.values()))
                    .map(statuses::get)
                    .filter(s -> s.state() == AgentState.READY);
            if (chosen.isEmpty()) {
                return Optional.empty();
            }
            before = chosen.get();
            reserved = new AgentStatus(before.agent(), AgentState.RESERVED, clock.instant(), Optional.of(assignment),
                    false);
            statuses.put(before.agentId(), reserved);
            journal(before, reserved, "be reserved");
        }
        notifyListeners(reserved);
        return Optional.of(reserved.agent());
    }

    /** The reserved call never reached the agent (busy, no answer...): the agent is ready again. */
    public AgentStatus release(String agentId) {
        return change(agentId, "be released", s -> switch (s.state()) {
            case RESERVED -> s.withoutCall(AgentState.READY, clock.instant());
            default -> s; // already moved on (e.g. logged out by a supervisor): nothing to undo
        });
    }

    public AgentStatus connect(String agentId) {
        return change(agentId, "take a call", s -> switch (s.state()) {
            case RESERVED -> s.to(AgentState.ON_CALL, clock.instant());
            case ON_CALL -> s;
            default -> throw new IllegalAgentTransition(agentId, s.state(), "take a call");
        });
    }

    /** The debtor's leg hung up: wrap-up, unless the disposition is already in. */
    public AgentStatus callEnded(String agentId) {
        return change(agentId, "end a call", s -> switch (s.state()) {
            case ON_CALL -> s.dispositionRecorded()
                    ? s.withoutCall(AgentState.READY, clock.instant())
                    : s.wrappingUpUntil(clock.instant(), clock.instant().plus(wrapUpTimes.forCampaign(
                            s.assignment().map(Assignment::campaignId).orElse(""))));
            default -> s;
        });
    }

    public AgentStatus dispositionRecorded(String agentId) {
        return change(agentId, "record a disposition", s -> switch (s.state()) {
            case WRAP_UP -> s.withoutCall(AgentState.READY, clock.instant());
            case ON_CALL -> s.withDispositionRecorded();
            default -> throw new IllegalAgentTransition(agentId, s.state(), "record a disposition");
        });
    }

    private AgentStatus change(String agentId, String action, java.util.function.UnaryOperator<AgentStatus> step) {
        AgentStatus before;
        AgentStatus after;
        synchronized (this) {
            before = statuses.get(agentId);
            if (before == null) {
                throw new UnknownAgent(agentId);
            }
            after = step.apply(before);
            statuses.put(agentId, after);
            if (after != before) {
                journal(before, after, action);
            }
        }
        if (after != before) {
            notifyListeners(after);
        }
        return after;
    }

    /** Agents whose wrap-up time has run out without a disposition: the supervisor's to chase. */
    public synchronized List<AgentStatus> overdueInWrapUp() {
        return statuses.values().stream()
                .filter(s -> s.state() == AgentState.WRAP_UP)
                .filter(s -> s.wrapUpEnds().map(ends -> !ends.isAfter(clock.instant())).orElse(false))
                .toList();
    }

    /** Under the lock: the journal's order is the order the changes were made in. */
    private void journal(AgentStatus before, AgentStatus after, String action) {
        AgentTransition transition = new AgentTransition(after.agentId(), before.state(), after.state(), after.since(),
                action, after.attemptId().or(before::attemptId), after.pauseReason());
        transitions.addLast(transition);
        if (transitions.size() > KEPT_TRANSITIONS) {
            transitions.removeFirst();
        }
        log.debug("agent {}", transition);
        transitionListeners.forEach(l -> l.accept(transition));
    }

    private void notifyListeners(AgentStatus status) {
        listeners.forEach(l -> l.accept(status));
    }
}
