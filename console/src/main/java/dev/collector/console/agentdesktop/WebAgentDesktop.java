package dev.collector.console.agentdesktop;

import static dev.collector.console.agentdesktop.AgentSocketProtocol.error;

import dev.collector.domain.outcome.Outcome;
import dev.collector.routing.desktop.AgentDesktop;
import dev.collector.routing.desktop.ScreenPop;
import dev.collector.routing.disposition.DispositionRejected;
import dev.collector.routing.disposition.RecordingDisposition;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.AgentState;
import dev.collector.routing.roster.AgentStatus;
import dev.collector.routing.roster.IllegalAgentTransition;
import dev.collector.routing.roster.UnknownAgent;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' screens in their browsers: the {@code /agent} page and its socket. Routing pushes
 * screen pops and hang-ups here from any thread; the roster's changes become status messages.
 *
 * <p>All session state lives on the event loop of the verticle that mounted the desktop, so it
 * needs no lock: work arriving from other threads (the dialer, the storage driver's callbacks)
 * hops onto that loop first.
 *
 * <p>A socket belongs to one agent once it has logged in. When the same agent logs in from a
 * newer socket (a reloaded page, a reconnect after a network blip), pushes go to the newer one and
 * the call in progress is popped again, so the half-filled form is not lost: the last screen pop of
 * each agent is kept until its disposition is accepted or the roster shows the call is over.
 */
public final class WebAgentDesktop implements AgentDesktop {

    /** Where the page's static files live on the classpath. */
    static final String WEB_ROOT = "collector-console/agent";
    private static final int MAX_AGENT_ID = 64;
    private static final Logger log = LoggerFactory.getLogger(WebAgentDesktop.class);

    private final AgentRoster roster;
    private final RecordingDisposition recording;
    private final Clock clock;
    private final AgentLogins logins;
    /** Replaced whole by {@link #useScripts}; read by the event loop on every pop. */
    private volatile dev.collector.routing.desktop.ScriptBook scripts = dev.collector.routing.desktop.ScriptBook.none();

    private volatile Context context;
    private volatile Thread eventLoop;
    private volatile int connectedAgents;
    private volatile dev.collector.routing.desktop.PreviewChoices previewChoices =
            dev.collector.routing.desktop.PreviewChoices.NONE;

    /** By agent id; touched only on the event loop. */
    private final Map<String, AgentSession> sessions = new HashMap<>();

    public WebAgentDesktop(AgentRoster roster, RecordingDisposition recording, Clock clock) {
        this(roster, recording, clock, AgentLogins.open());
    }

    public WebAgentDesktop(AgentRoster roster, RecordingDisposition recording, Clock clock, AgentLogins logins) {
        this.roster = Objects.requireNonNull(roster, "roster");
        this.recording = Objects.requireNonNull(recording, "recording");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logins = Objects.requireNonNull(logins, "logins");
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
        router.get("/agent").handler(rc -> rc.reroute("/agent/index.html"));
        router.route(AgentSocketProtocol.PATH).handler(this::upgrade);
        router.route("/agent/*").handler(rc -> {
            rc.response()
                    .putHeader("Content-Security-Policy", "default-src 'self'; connect-src 'self'")
                    .putHeader("X-Content-Type-Options", "nosniff");
            rc.next();
        });
        router.route("/agent/*").handler(StaticHandler.create(WEB_ROOT).setCachingEnabled(false));
    }

    /** Forgets every socket; called on the event loop as the console stops. */
    public void unmount() {
        context = null;
        eventLoop = null;
        sessions.clear();
        connectedAgents = 0;
    }

    /** Agents with a logged-in socket right now. */
    public int connectedAgents() {
        return connectedAgents;
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
        onEventLoop(() -> {
            AgentSession session = sessions.computeIfAbsent(offer.agentId(), id -> new AgentSession());
            sendToAgent(session, AgentSocketProtocol.preview(offer, clock, scripts));
        });
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
            AgentSession session = sessions.get(agentId);
            if (session == null) {
                return;
            }
            if (session.pendingPop != null && session.pendingPop.attemptId().equals(attemptId)) {
                session.callEnded = true;
            }
            sendToAgent(session, AgentSocketProtocol.callEnded(attemptId));
        });
    }

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
        AgentSession session = sessions.computeIfAbsent(pop.agentId(), id -> new AgentSession());
        session.pendingPop = pop;
        session.callEnded = false;
        sendToAgent(session, AgentSocketProtocol.screenPop(pop, clock, scripts));
    }

    /**
     * Sends the agent's status as the roster has it now rather than as the listener saw it: changes
     * made on different threads may hop here out of order, and the screen must end on the truth.
     */
    private void pushStatus(String agentId) {
        AgentSession session = sessions.get(agentId);
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
            send(current, AgentSocketProtocol.status(now, roster.pauseReasons().chosenByAgents()));
        }
    }

    private void upgrade(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!request.canUpgradeToWebSocket()) {
            rc.response().setStatusCode(426).putHeader("Upgrade", "websocket")
                    .end("the agent socket speaks WebSocket");
            return;
        }
        request.toWebSocket()
                .onSuccess(this::accept)
                .onFailure(e -> log.debug("agent socket handshake failed", e));
    }

    private void accept(ServerWebSocket socket) {
        Connection connection = new Connection(socket);
        socket.textMessageHandler(text -> receive(connection, text));
        socket.binaryMessageHandler(bytes -> send(connection, error("message", "send JSON in text frames")));
        socket.closeHandler(v -> closed(connection));
        socket.exceptionHandler(e -> log.debug("agent socket error", e));
    }

    private void receive(Connection connection, String text) {
        Object decoded;
        try {
            decoded = Json.decodeValue(text);
        } catch (DecodeException e) {
            send(connection, error("message", "the message is not valid JSON"));
            return;
        }
        if (!(decoded instanceof JsonObject message)) {
            send(connection, error("message", "the message must be a JSON object"));
            return;
        }
        try {
            handle(connection, message);
        } catch (ProtocolError e) {
            send(connection, error(e.field(), e.reason()));
        } catch (IllegalAgentTransition e) {
            send(connection, error("state", e.getMessage()));
        } catch (UnknownAgent e) {
            send(connection, error("agentId", e.getMessage()));
        } catch (RuntimeException e) {
            log.warn("agent socket message could not be handled: {}", AgentSocketProtocol.shorten(text), e);
            send(connection, error("message", "the server could not handle this message"));
        }
    }

    private void handle(Connection connection, JsonObject message) {
        String type = AgentSocketProtocol.requiredText(message, "type", "the message has no type");
        switch (type) {
            case AgentSocketProtocol.LOGIN -> login(connection, message);
            case AgentSocketProtocol.READY -> {
                String agentId = loggedIn(connection);
                roster.ready(agentId);
                pushStatus(agentId);
            }
            case AgentSocketProtocol.PAUSE -> {
                String agentId = loggedIn(connection);
                String reason = AgentSocketProtocol.optionalText(message, "reason");
                if (reason.isBlank()) {
                    roster.pause(agentId);
                } else if (roster.pauseReasons().allows(reason)) {
                    roster.pause(agentId, reason);
                } else {
                    throw new ProtocolError("reason", "pause for one of " + roster.pauseReasons().chosenByAgents());
                }
                pushStatus(agentId);
            }
            case AgentSocketProtocol.LOGOUT -> logout(connection);
            case AgentSocketProtocol.DISPOSITION -> disposition(connection, message);
            case AgentSocketProtocol.PREVIEW_DIAL, AgentSocketProtocol.PREVIEW_SKIP -> previewChoice(connection, message, type);
            default -> throw new ProtocolError("type", "unknown message type '" + AgentSocketProtocol.shorten(type) + "'");
        }
    }

    private void previewChoice(Connection connection, JsonObject message, String type) {
        String agentId = loggedIn(connection);
        String attemptId = AgentSocketProtocol.requiredText(message, "attemptId", "name the previewed attempt");
        boolean standing = type.equals(AgentSocketProtocol.PREVIEW_DIAL)
                ? previewChoices.dial(agentId, attemptId)
                : previewChoices.skip(agentId, attemptId);
        if (!standing) {
            throw new ProtocolError("attemptId", "no preview " + AgentSocketProtocol.shorten(attemptId)
                    + " is waiting for you (already dialed or withdrawn)");
        }
    }

    private String loggedIn(Connection connection) {
        if (connection.agentId == null) {
            throw new ProtocolError("agentId", "log in first");
        }
        return connection.agentId;
    }

    private void login(Connection connection, JsonObject message) {
        String agentId = AgentSocketProtocol.requiredText(message, "agentId", "enter your agent id").trim();
        if (agentId.length() > MAX_AGENT_ID) {
            throw new ProtocolError("agentId", "an agent id has at most " + MAX_AGENT_ID + " characters");
        }
        if (connection.agentId != null && !connection.agentId.equals(agentId)) {
            throw new ProtocolError("agentId", "this window is logged in as " + connection.agentId + "; log out first");
        }
        // one answer for an unknown agent and a wrong PIN: the login form must not confirm agent ids
        if (roster.status(agentId).isEmpty()) {
            throw new ProtocolError("agentId", logins.needsPin(agentId) || !AgentSocketProtocol.optionalText(message, "pin").isEmpty()
                    ? "wrong agent id or PIN" : "unknown agent " + AgentSocketProtocol.shorten(agentId));
        }
        if (!logins.admits(agentId, AgentSocketProtocol.optionalText(message, "pin"))) {
            throw new ProtocolError("agentId", "wrong agent id or PIN");
        }
        AgentSession session = sessions.computeIfAbsent(agentId, id -> new AgentSession());
        boolean newlyBound = session.current != connection;
        if (newlyBound) {
            Connection previous = session.current;
            if (previous != null) {
                previous.agentId = null;
                send(previous, error("agentId", "you logged in from another window; this one is signed out"));
            }
            session.current = connection;
            connection.agentId = agentId;
            countConnectedAgents();
        }
        roster.logIn(agentId);
        pushStatus(agentId);
        if (newlyBound && session.pendingPop != null) {
            send(connection, AgentSocketProtocol.screenPop(session.pendingPop, clock, scripts));
            if (session.callEnded) {
                send(connection, AgentSocketProtocol.callEnded(session.pendingPop.attemptId()));
            }
        }
    }

    private void logout(Connection connection) {
        String agentId = loggedIn(connection);
        roster.logOut(agentId);
        pushStatus(agentId);
        AgentSession session = sessions.get(agentId);
        if (session.current == connection) {
            session.current = null;
        }
        connection.agentId = null;
        connection.lastStatus = null;
        countConnectedAgents();
    }

    private void disposition(Connection connection, JsonObject message) {
        Context here = context;
        String agentId = loggedIn(connection);
        AgentSession session = sessions.get(agentId);
        DispositionForm form = DispositionForm.parse(message, fractionDigits(session),
                formAttemptId -> debtorZone(session, formAttemptId));
        String attemptId = form.attemptId();
        if (attemptId.equals(session.dispositionInFlight)) {
            send(connection, error("attemptId", "this disposition is already being saved", attemptId));
            return;
        }
        session.dispositionInFlight = attemptId;
        CompletionStage<Outcome> recorded;
        try {
            recorded = recording.record(agentId, attemptId, form.disposition(), form.notes());
        } catch (RuntimeException e) {
            recorded = CompletableFuture.failedFuture(e);
        }
        Future.fromCompletionStage(recorded, here).onComplete(result -> recorded(agentId, attemptId, result));
    }

    private void recorded(String agentId, String attemptId, AsyncResult<Outcome> result) {
        AgentSession session = sessions.get(agentId);
        if (session == null) {
            return; // the console stopped meanwhile
        }
        if (attemptId.equals(session.dispositionInFlight)) {
            session.dispositionInFlight = null;
        }
        if (result.succeeded()) {
            if (session.pendingPop != null && session.pendingPop.attemptId().equals(attemptId)) {
                session.pendingPop = null;
                session.callEnded = false;
            }
            sendToAgent(session, AgentSocketProtocol.dispositionAccepted(attemptId));
            return;
        }
        Throwable cause = unwrap(result.cause());
        if (cause instanceof DispositionRejected rejected) {
            sendToAgent(session, error(rejected.field(), rejected.reason(), attemptId));
        } else if (cause instanceof IllegalAgentTransition refused) {
            sendToAgent(session, error("state", refused.getMessage(), attemptId));
        } else {
            log.warn("disposition of attempt {} by agent {} could not be recorded", attemptId, agentId, cause);
            sendToAgent(session, error("disposition", "the disposition could not be saved; submit it again", attemptId));
        }
    }

    private void closed(Connection connection) {
        String agentId = connection.agentId;
        connection.agentId = null;
        if (agentId == null) {
            return;
        }
        AgentSession session = sessions.get(agentId);
        if (session == null || session.current != connection) {
            return; // a newer socket has taken over
        }
        session.current = null;
        countConnectedAgents();
        // A ready agent whose browser is gone must not be given calls the dialer would abandon.
        if (roster.status(agentId).map(s -> s.state() == AgentState.READY).orElse(false)) {
            try {
                roster.pause(agentId, dev.collector.routing.roster.PauseReasons.DISCONNECTED);
                log.info("agent {} disconnected while ready: paused", agentId);
            } catch (IllegalAgentTransition e) {
                log.debug("agent {} disconnected and was meanwhile given a call", agentId);
            }
        }
    }

    private void sendToAgent(AgentSession session, JsonObject message) {
        if (session.current != null) {
            send(session.current, message);
        }
    }

    private void send(Connection connection, JsonObject message) {
        if (connection.socket.isClosed()) {
            return;
        }
        connection.socket.writeTextMessage(message.encode())
                .onFailure(e -> log.debug("could not write to agent socket", e));
    }

    private void countConnectedAgents() {
        connectedAgents = (int) sessions.values().stream().filter(s -> s.current != null).count();
    }

    private static int fractionDigits(AgentSession session) {
        if (session.pendingPop == null) {
            return 2;
        }
        try {
            int digits = Currency.getInstance(session.pendingPop.aCase().currency()).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    /** The debtor's zone when that call is the one on the agent's screen. */
    private static Optional<ZoneId> debtorZone(AgentSession session, String attemptId) {
        ScreenPop pop = session.pendingPop;
        return pop != null && pop.attemptId().equals(attemptId)
                ? Optional.of(pop.aCase().timeZone())
                : Optional.empty();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** One browser tab's socket. */
    private static final class Connection {
        final ServerWebSocket socket;
        String agentId;
        AgentStatus lastStatus;

        Connection(ServerWebSocket socket) {
            this.socket = socket;
        }
    }

    /** What the desktop keeps per agent across that agent's sockets. */
    private static final class AgentSession {
        Connection current;
        ScreenPop pendingPop;
        boolean callEnded;
        String dispositionInFlight;
    }
}
