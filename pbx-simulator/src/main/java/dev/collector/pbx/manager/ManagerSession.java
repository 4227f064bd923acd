package dev.collector.pbx.manager;

import dev.collector.pbx.ami.AmiConnection;
import dev.collector.pbx.ami.AmiPacket;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One manager login on one connection: whether it has authenticated, its MD5 challenge, which
 * events it wants, and the dispatch of its actions, with Asterisk's answers to what it may not
 * or cannot do.
 */
final class ManagerSession implements AmiConnection.Listener {

    /** The only actions Asterisk accepts before Login succeeds. */
    private static final Set<String> BEFORE_LOGIN = Set.of("login", "logoff", "challenge");

    private final AmiConnection connection;
    private final ManagerInterface manager;
    private final Map<String, ActionHandler> actions;
    private volatile boolean authenticated;
    private volatile String username = "";
    private volatile String challenge = "";
    private volatile EventMask eventMask = EventMask.ALL;

    ManagerSession(AmiConnection connection, ManagerInterface manager, Map<String, ActionHandler> actions) {
        this.connection = connection;
        this.manager = manager;
        this.actions = actions;
    }

    @Override
    public void packetReceived(AmiConnection source, AmiPacket action) {
        String name = action.actionName();
        if (name.isEmpty()) {
            send(Responses.error(action, "Missing action in request"));
            return;
        }
        if (!authenticated && !BEFORE_LOGIN.contains(name)) {
            send(Responses.error(action, "Permission denied"));
            return;
        }
        ActionHandler handler = actions.get(name);
        if (handler == null) {
            send(Responses.error(action, "Invalid/unknown command: " + action.headerOrEmpty("Action").trim()
                    + ". Use Action: ListCommands to show available commands."));
            return;
        }
        handler.handle(this, action);
    }

    @Override
    public void connectionClosed(AmiConnection source) {
        manager.events().unsubscribe(this);
    }

    ManagerInterface manager() {
        return manager;
    }

    AmiConnection connection() {
        return connection;
    }

    void send(AmiPacket packet) {
        connection.send(packet);
    }

    void sendWire(String wire) {
        connection.sendWire(wire);
    }

    void sendThenClose(AmiPacket packet) {
        manager.events().unsubscribe(this);
        connection.sendThenClose(packet);
    }

    boolean authenticated() {
        return authenticated;
    }

    String username() {
        return username;
    }

    /** The challenge handed out by Challenge, made once per session as Asterisk does. */
    synchronized String challenge(Supplier<String> newChallenge) {
        if (challenge.isEmpty()) {
            challenge = newChallenge.get();
        }
        return challenge;
    }

    Optional<String> currentChallenge() {
        return challenge.isEmpty() ? Optional.empty() : Optional.of(challenge);
    }

    void loggedIn(String user, EventMask mask) {
        this.username = user;
        this.eventMask = mask;
        this.authenticated = true;
    }

    EventMask eventMask() {
        return eventMask;
    }

    void eventMask(EventMask mask) {
        this.eventMask = mask;
    }

    boolean wantsEvent(String privilege) {
        return authenticated && eventMask.accepts(privilege);
    }
}
