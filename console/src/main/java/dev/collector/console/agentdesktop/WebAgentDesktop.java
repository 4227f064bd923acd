package dev.collector.console.agentdesktop;

import dev.collector.console.agentdesktop.AgentSessions.AgentSession;
import dev.collector.console.agentdesktop.AgentSessions.Connection;
import dev.collector.routing.desktop.AgentDesktop;
import dev.collector.routing.desktop.ScreenPop;
import dev.collector.routing.disposition.RecordingDisposition;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.AgentStatus;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' screens in their browsers: what routing pushes to them (screen pops, previews,
 * hang-ups, the roster's changes as status messages), from any thread. The page and its socket are
 * mounted by {@link AgentPageRoutes}; what the agents send is handled by {@link AgentSocketMessages}.
 *
 * <p>All session state lives on the event loop of the verticle that mounted the desktop, so it
 * needs no lock: work arriving from other threads (the dialer, the storage driver's callbacks)
 * hops onto that loop first. The last screen pop of each agent is kept until its disposition is
 * accepted or the roster shows the call is over, so a reloaded page gets it again.
 */
public final class WebAgentDesktop implements AgentDesktop {

    private static final Logger log = LoggerFactory.getLogger(WebAgentDesktop.class);

    private final AgentRoster roster;
    private final Clock clock;
    private final AgentSessions sessions = new AgentSessions();
    private final AgentSocketMessages sockets;
    /** Replaced whole by {@link #useScripts}; read by the event loop on every pop. */
    private volatile dev.collector.routing.desktop.ScriptBook scripts = dev.collector.routing.desktop.ScriptBook.none();

    private volatile Context context;
    private volatile Thread eventLoop;
    private volatile dev.collector.routing.desktop.PreviewChoices previewChoices =
            dev.collector.routing.desktop.PreviewChoices.NONE;

    public WebAgentDesktop(AgentRoster roster, RecordingDisposition recording, Clock clock) {
        this(roster, recording, clock, AgentLogins.open());
    }

    public WebAgentDesktop(AgentRoster roster, RecordingDisposition recording, Clock clock, AgentLogins logins) {
        this.roster = Objects.requireNonNull(roster, "roster");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sockets = new AgentSocketMessages(this, sessions, roster, Objects.requireNonNull(recording, "recording"),
                clock, Objects.requireNonNull(logins, "logins"));
        roster.onChange(status -> onEventLoop(() -> pushStatus(status.agentId())));
    }

    /**
     * Adds {@code /agent} (the page) and {@code /agent/socket} to the router. Call it from the
     * start of the event-loop verticle whose HTTP server serves the router: the desktop keeps its
     * state on that verticle's event loop.
     */
    public void mountOn(Router router) {
        Context current = Vertx.currentContext();
        if (current == null || !current.isEventLoopContext()) {
            throw new IllegalStateException("mount the agent desktop from an event-loop verticle's start");
        }
        context = current;
        eventLoop = Thread.currentThread();
        AgentPageRoutes.mount(router, sockets::accept);
    }

    /** Forgets every socket; called on the event loop as the console stops. */
    public void unmount() {
        context = null;
        eventLoop = null;
        sessions.clear();
    }

    /** Agents with a logged-in socket right now. */
    public int connectedAgents() {
        return sessions.connectedAgents();
    }

    /** The strategies' call scripts shown on every screen pop from now on (collector.desktop.scripts-file). */
    public WebAgentDesktop useScripts(dev.collector.routing.desktop.ScriptBook scripts) {
        this.scripts = java.util.Objects.requireNonNull(scripts, "scripts");
        return this;
    }

    @Override
    public void screenPop(ScreenPop pop) {
        Objects.requireNonNull(pop, "pop");
        if (!onEventLoop(() -> deliver(pop))) {
            log.warn("the console is not running: screen pop of attempt {} for agent {} dropped",
                    pop.attemptId(), pop.agentId());
        }
    }

    @Override
    public void preview(dev.collector.routing.desktop.PreviewOffer offer) {
        Objects.requireNonNull(offer, "offer");
        onEventLoop(() -> AgentSessions.sendToAgent(sessions.of(offer.agentId()),
                AgentSocketProtocol.preview(offer, clock, scripts)));
    }

    @Override
    public void answerPreviewsWith(dev.collector.routing.desktop.PreviewChoices choices) {
        previewChoices = Objects.requireNonNull(choices, "choices");
    }

    @Override
    public void callEnded(String agentId, String attemptId) {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(attemptId, "attemptId");
        onEventLoop(() -> {
            AgentSession session = sessions.find(agentId);
            if (session == null) {
                return;
            }
            if (session.pendingPop != null && session.pendingPop.attemptId().equals(attemptId)) {
                session.callEnded = true;
            }
            AgentSessions.sendToAgent(session, AgentSocketProtocol.callEnded(attemptId));
        });
    }

    // --- for the socket messages, on the event loop ------------------------------------------------

    Context context() {
        return context;
    }

    dev.collector.routing.desktop.ScriptBook scripts() {
        return scripts;
    }

    dev.collector.routing.desktop.PreviewChoices previewChoices() {
        return previewChoices;
    }

    /**
     * Sends the agent's status as the roster has it now rather than as the listener saw it: changes
     * made on different threads may hop here out of order, and the screen must end on the truth.
     */
    void pushStatus(String agentId) {
        AgentSession session = sessions.find(agentId);
        Optional<AgentStatus> found = roster.status(agentId);
        if (session == null || found.isEmpty()) {
            return;
        }
        AgentStatus now = found.get();
        if (session.pendingPop != null && !now.attemptId().equals(Optional.of(session.pendingPop.attemptId()))) {
            session.pendingPop = null; // the roster has moved the agent past that call
            session.callEnded = false;
        }
        Connection current = session.current;
        if (current != null && !now.equals(current.lastStatus)) {
            current.lastStatus = now;
            AgentSessions.send(current, AgentSocketProtocol.status(now, roster.pauseReasons().chosenByAgents()));
        }
    }

    // --- internals ----------------------------------------------------------------------------------

    /** @return false when no console is running to take the work */
    private boolean onEventLoop(Runnable task) {
        Context target = context;
        if (target == null) {
            return false;
        }
        if (Thread.currentThread() == eventLoop) {
            task.run();
            return true;
        }
        try {
            target.runOnContext(v -> task.run());
            return true;
        } catch (RejectedExecutionException e) {
            return false; // Vert.x is shutting down; the caller (dialer, roster) must not fail for it
        }
    }

    private void deliver(ScreenPop pop) {
        AgentSession session = sessions.of(pop.agentId());
        session.pendingPop = pop;
        session.callEnded = false;
        AgentSessions.sendToAgent(session, AgentSocketProtocol.screenPop(pop, clock, scripts));
    }
}
