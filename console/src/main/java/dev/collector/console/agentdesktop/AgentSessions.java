package dev.collector.console.agentdesktop;

import dev.collector.routing.desktop.ScreenPop;
import dev.collector.routing.roster.AgentStatus;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the desktop keeps per agent across that agent's sockets: the socket in use and the call on
 * the screen. Shared by the pushes from routing ({@link WebAgentDesktop}) and the agents' own
 * messages ({@link AgentSocketMessages}); touched only on the desktop's event loop, so it needs no
 * lock.
 */
final class AgentSessions {

    private static final Logger log = LoggerFactory.getLogger(AgentSessions.class);

    /** By agent id. */
    private final Map<String, AgentSession> byAgent = new HashMap<>();
    /** Read from any thread (health, the supervisor wall). */
    private volatile int connectedAgents;

    /** The agent's session, begun if the agent has none yet (a pop may come before the login). */
    AgentSession of(String agentId) {
        return byAgent.computeIfAbsent(agentId, id -> new AgentSession());
    }

    /** The agent's session, or null if nothing was ever pushed to or sent by this agent. */
    AgentSession find(String agentId) {
        return byAgent.get(agentId);
    }

    void clear() {
        byAgent.clear();
        connectedAgents = 0;
    }

    int connectedAgents() {
        return connectedAgents;
    }

    /** Counts the agents with a logged-in socket; called whenever a socket is bound or let go. */
    void countConnectedAgents() {
        connectedAgents = (int) byAgent.values().stream().filter(s -> s.current != null).count();
    }

    /** To the agent's current socket, if the agent has one. */
    static void sendToAgent(AgentSession session, JsonObject message) {
        if (session.current != null) {
            send(session.current, message);
        }
    }

    static void send(Connection connection, JsonObject message) {
        if (connection.socket.isClosed()) {
            return;
        }
        connection.socket.writeTextMessage(message.encode())
                .onFailure(e -> log.debug("could not write to agent socket", e));
    }

    /** One browser tab's socket. */
    static final class Connection {
        final ServerWebSocket socket;
        String agentId;
        AgentStatus lastStatus;

        Connection(ServerWebSocket socket) {
            this.socket = socket;
        }
    }

    /** One agent's: the socket that gets the pushes, and the call on the screen until it is disposed of. */
    static final class AgentSession {
        Connection current;
        ScreenPop pendingPop;
        boolean callEnded;
        String dispositionInFlight;
    }
}
