package dev.collector.routing.roster;

import dev.collector.domain.agent.Agent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The agents of this node and the state of each. Every change goes through one lock: the dialer,
 * the agents' browsers and the PBX events all move agents, and a call must never be given to an
 * agent who was just given another.
 */
public final class AgentRoster {

    private final Clock clock;
    private final Map<String, AgentStatus> statuses = new LinkedHashMap<>();
    private final List<Consumer<AgentStatus>> listeners = new CopyOnWriteArrayList<>();

    public AgentRoster(Clock clock, Collection<Agent> agents) {
        this.clock = clock;
        agents.forEach(a -> statuses.put(a.agentId(), AgentStatus.loggedOut(a, clock.instant())));
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
            case LOGGED_OUT -> s.withoutCall(AgentState.PAUSED, clock.instant());
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

    public AgentStatus pause(String agentId) {
        return change(agentId, "pause", s -> switch (s.state()) {
            case READY -> s.withoutCall(AgentState.PAUSED, clock.instant());
            case PAUSED -> s;
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
        AgentStatus reserved;
        synchronized (this) {
            Optional<AgentStatus> longestIdle = statuses.values().stream()
                    .filter(s -> s.state() == AgentState.READY)
                    .min(Comparator.comparing(AgentStatus::since));
            if (longestIdle.isEmpty()) {
                return Optional.empty();
            }
            AgentStatus s = longestIdle.get();
            reserved = new AgentStatus(s.agent(), AgentState.RESERVED, clock.instant(), Optional.of(assignment), false);
            statuses.put(s.agentId(), reserved);
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
                    : s.to(AgentState.WRAP_UP, clock.instant());
            default -> s;
        });
    }

    public AgentStatus dispositionRecorded(String agentId) {
        return change(agentId, "record a disposition", s -> switch (s.state()) {
            case WRAP_UP -> s.withoutCall(AgentState.READY, clock.instant());
            case ON_CALL -> new AgentStatus(s.agent(), s.state(), s.since(), s.assignment(), true);
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
        }
        if (after != before) {
            notifyListeners(after);
        }
        return after;
    }

    private void notifyListeners(AgentStatus status) {
        listeners.forEach(l -> l.accept(status));
    }
}
