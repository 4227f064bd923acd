package dev.collector.pbx.manager;

import dev.collector.pbx.ami.AmiPacket;
import dev.collector.pbx.world.EventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands every event of the simulated PBX to each logged-in session that wants its class, like
 * {@code Events: on}. The packet is rendered once, whatever the number of sessions.
 */
public final class EventBroadcaster implements EventSink {

    private final Set<ManagerSession> subscribers = ConcurrentHashMap.newKeySet();

    @Override
    public void emit(AmiPacket event) {
        if (subscribers.isEmpty()) {
            return;
        }
        String privilege = event.headerOrEmpty("Privilege");
        String wire = event.toWire();
        for (ManagerSession session : subscribers) {
            if (session.wantsEvent(privilege)) {
                session.sendWire(wire);
            }
        }
    }

    void subscribe(ManagerSession session) {
        subscribers.add(session);
    }

    void unsubscribe(ManagerSession session) {
        subscribers.remove(session);
    }
}
