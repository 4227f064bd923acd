package dev.collector.console.agentdesktop;

import static dev.collector.console.agentdesktop.AgentSocketProtocol.error;

import dev.collector.console.agentdesktop.AgentSessions.AgentSession;
import dev.collector.console.agentdesktop.AgentSessions.Connection;
import dev.collector.domain.outcome.Outcome;
import dev.collector.routing.desktop.ScreenPop;
import dev.collector.routing.disposition.DispositionRejected;
import dev.collector.routing.disposition.RecordingDisposition;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.AgentState;
import dev.collector.routing.roster.IllegalAgentTransition;
import dev.collector.routing.roster.UnknownAgent;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an agent's socket says, and what the desktop answers: login (with the PIN where one is
 * set), ready, pause, logout, the disposition of the call on the screen, the preview choices. Every
 * message is checked before it changes anything; a refusal names the field. Runs on the desktop's
 * event loop, as the sockets' handlers do.
 *
 * <p>A socket belongs to one agent once it has logged in. When the same agent logs in from a
 * newer socket (a reloaded page, a reconnect after a network blip), pushes go to the newer one and
 * the call in progress is popped again, so the half-filled form is not lost.
 */
final class AgentSocketMessages {

    private static final int MAX_AGENT_ID = 64;
    private static final Logger log = LoggerFactory.getLogger(AgentSocketMessages.class);

    private final WebAgentDesktop desktop;
    private final AgentSessions sessions;
    private final AgentRoster roster;
    private final RecordingDisposition recording;
    private final Clock clock;
    private final AgentLogins logins;

    AgentSocketMessages(WebAgentDesktop desktop, AgentSessions sessions, AgentRoster roster,
            RecordingDisposition recording, Clock clock, AgentLogins logins) {
        this.desktop = desktop;
        this.sessions = sessions;
        this.roster = roster;
        this.recording = recording;
        this.clock = clock;
        this.logins = logins;
    }

    /** A socket has just been opened by the agent page. */
    void accept(ServerWebSocket socket) {
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
                desktop.pushStatus(agentId);
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
                desktop.pushStatus(agentId);
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
                ? desktop.previewChoices().dial(agentId, attemptId)
                : desktop.previewChoices().skip(agentId, attemptId);
        if (!standing) {
            throw new ProtocolError("attemptId", "no preview " + AgentSocketProtocol.shorten(attemptId)
                    + " is waiting for you (already dialed or withdrawn)");
        }
    }

    private static String loggedIn(Connection connection) {
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
        AgentSession session = sessions.of(agentId);
        boolean newlyBound = session.current != connection;
        if (newlyBound) {
            Connection previous = session.current;
            if (previous != null) {
                previous.agentId = null;
                send(previous, error("agentId", "you logged in from another window; this one is signed out"));
            }
            session.current = connection;
            connection.agentId = agentId;
            sessions.countConnectedAgents();
        }
        roster.logIn(agentId);
        desktop.pushStatus(agentId);
        if (newlyBound && session.pendingPop != null) {
            send(connection, AgentSocketProtocol.screenPop(session.pendingPop, clock, desktop.scripts()));
            if (session.callEnded) {
                send(connection, AgentSocketProtocol.callEnded(session.pendingPop.attemptId()));
            }
        }
    }

    private void logout(Connection connection) {
        String agentId = loggedIn(connection);
        roster.logOut(agentId);
        desktop.pushStatus(agentId);
        AgentSession session = sessions.find(agentId);
        if (session.current == connection) {
            session.current = null;
        }
        connection.agentId = null;
        connection.lastStatus = null;
        sessions.countConnectedAgents();
    }

    private void disposition(Connection connection, JsonObject message) {
        Context here = desktop.context();
        String agentId = loggedIn(connection);
        AgentSession session = sessions.find(agentId);
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
        AgentSession session = sessions.find(agentId);
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
            AgentSessions.sendToAgent(session, AgentSocketProtocol.dispositionAccepted(attemptId));
            return;
        }
        Throwable cause = unwrap(result.cause());
        if (cause instanceof DispositionRejected rejected) {
            AgentSessions.sendToAgent(session, error(rejected.field(), rejected.reason(), attemptId));
        } else if (cause instanceof IllegalAgentTransition refused) {
            AgentSessions.sendToAgent(session, error("state", refused.getMessage(), attemptId));
        } else {
            log.warn("disposition of attempt {} by agent {} could not be recorded", attemptId, agentId, cause);
            AgentSessions.sendToAgent(session, error("disposition", "the disposition could not be saved; submit it again",
                    attemptId));
        }
    }

    private void closed(Connection connection) {
        String agentId = connection.agentId;
        connection.agentId = null;
        if (agentId == null) {
            return;
        }
        AgentSession session = sessions.find(agentId);
        if (session == null || session.current != connection) {
            return; // a newer socket has taken over
        }
        session.current = null;
        sessions.countConnectedAgents();
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

    private static void send(Connection connection, JsonObject message) {
        AgentSessions.send(connection, message);
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
}
