package dev.collector.pbx.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults a test can switch on while the simulator runs, to see the dialer cope with what a real
 * Asterisk and its network do now and then: the manager connections dropped (a restart, a firewall
 * cutting idle sessions), events arriving late (a loaded PBX), Originates refused (an overloaded or
 * stopping PBX). Read by the manager layer; thread-safe.
 */
public final class FaultInjection {

    private final AtomicBoolean refusingOriginates = new AtomicBoolean();
    private final AtomicLong eventDelayNanos = new AtomicLong();
    private volatile Runnable connectionDropper = () -> { };
    private final AtomicBoolean unreachable = new AtomicBoolean();

    /** Every Originate is answered {@code Response: Error} until switched off again. */
    public void refuseOriginates(boolean refuse) {
        refusingOriginates.set(refuse);
    }

    public boolean refusingOriginates() {
        return refusingOriginates.get();
    }

    /** Holds each event back this long before it is written (zero: at once); order is kept. */
    public void delayEvents(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("event delay must not be negative: " + delay);
        }
        eventDelayNanos.set(delay.toNanos());
    }

    public long eventDelayNanos() {
        return eventDelayNanos.get();
    }

    /**
     * Cuts every manager TCP connection at once, without Goodbye, while the calls go on: the port
     * stays open, so clients can log in again and find their calls still there.
     */
    public void dropConnections() {
        connectionDropper.run();
    }

    /**
     * The network between dialer and PBX fails (true) or comes back (false): every connection is cut
     * and new ones are closed as soon as they are accepted, while the calls go on inside the PBX.
     */
    public void cutNetwork(boolean cut) {
        unreachable.set(cut);
        if (cut) {
            connectionDropper.run();
        }
    }

    public boolean networkCut() {
        return unreachable.get();
    }

    /** Set by the simulator once its port is open. */
    public void connectionDropper(Runnable dropper) {
        this.connectionDropper = Objects.requireNonNull(dropper, "dropper");
    }
}
