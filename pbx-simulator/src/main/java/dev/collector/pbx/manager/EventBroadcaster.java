package dev.collector.pbx.manager;

import dev.collector.pbx.ami.AmiPacket;
import dev.collector.pbx.fault.FaultInjection;
import dev.collector.pbx.world.EventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands every event of the simulated PBX to each logged-in session that wants its class, like
 * {@code Events: on}. The packet is rendered once, whatever the number of sessions. When the fault
 * injection delays events, they queue here in order and a thread of their own releases each one
 * when its delay is over.
 */
public final class EventBroadcaster implements EventSink {

    private record Held(long releaseNanos, String privilege, String wire) {
    }

    private final Set<ManagerSession> subscribers = ConcurrentHashMap.newKeySet();
    private final FaultInjection faults;
    private final LinkedBlockingQueue<Held> held = new LinkedBlockingQueue<>();
    private volatile Thread releaser;
    private volatile boolean timestamps;

    public EventBroadcaster() {
        this(new FaultInjection());
    }

    public EventBroadcaster(FaultInjection faults) {
        this.faults = faults;
    }

    @Override
    public void emit(AmiPacket event) {
        if (subscribers.isEmpty()) {
            return;
        }
        String privilege = event.headerOrEmpty("Privilege");
        String wire = timestamps ? stamped(event.toWire()) : event.toWire();
        long delay = faults.eventDelayNanos();
        if (delay > 0 || !held.isEmpty()) {
            // once events are held, later ones queue behind them even if the delay was lifted
            held.add(new Held(System.nanoTime() + delay, privilege, wire));
            startReleaser();
            return;
        }
        deliver(privilege, wire);
    }

    private void deliver(String privilege, String wire) {
        for (ManagerSession session : subscribers) {
            if (session.wantsEvent(privilege)) {
                session.sendWire(wire);
            }
        }
    }

    private synchronized void startReleaser() {
        if (releaser != null) {
            return;
        }
        Thread thread = new Thread(this::releaseLoop, "pbx-delayed-events");
        thread.setDaemon(true);
        releaser = thread;
        thread.start();
    }

    private void releaseLoop() {
        try {
            while (true) {
                Held next = held.take();
                long wait = next.releaseNanos() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                deliver(next.privilege(), next.wire());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * As {@code timestampevents = yes} in manager.conf: every event gets {@code Timestamp:} (epoch
     * seconds with microseconds) after its Privilege line, so a client can measure how late it
     * handles events.
     */
    public void timestampEvents(boolean on) {
        this.timestamps = on;
    }

    private static String stamped(String wire) {
        java.time.Instant now = java.time.Instant.now();
        String micros = Integer.toString(1_000_000 + now.getNano() / 1000).substring(1);
        String header = "Timestamp: " + now.getEpochSecond() + "." + micros + "\r\n";
        int privilege = wire.indexOf("Privilege:");
        int lineEnd = privilege < 0 ? -1 : wire.indexOf("\r\n", privilege);
        return lineEnd < 0 ? header + wire : wire.substring(0, lineEnd + 2) + header + wire.substring(lineEnd + 2);
    }

    void subscribe(ManagerSession session) {
        subscribers.add(session);
    }

    void unsubscribe(ManagerSession session) {
        subscribers.remove(session);
    }

    /** Stops releasing held events (the simulator is closing). */
    public synchronized void close() {
        if (releaser != null) {
            releaser.interrupt();
        }
    }
}
