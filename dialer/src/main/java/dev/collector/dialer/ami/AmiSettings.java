package dev.collector.dialer.ami;

import java.util.Objects;

/**
 * Where one Asterisk Manager Interface listens, the manager account we log in with, and how much
 * that Asterisk may carry.
 *
 * @param events the event classes asked for at login ({@code Events:}): {@code on} for all, or e.g.
 *               {@code call} alone when no answering-machine detection runs, which spares the PBX and
 *               us the dialplan trace (Newexten, VarSet: about half of all events)
 */
public record AmiSettings(String host, int port, String username, String secret, PbxLimits limits,
                          String events) {

    /** Every event class: the dialplan's VarSet carries the AMD verdict. */
    public static final String ALL_EVENTS = "on";
    /** Call events only: enough to follow calls without machine detection. */
    public static final String CALL_EVENTS = "call";

    public AmiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(events, "events");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 1..65535: " + port);
        }
    }

    /** With every event class. */
    public AmiSettings(String host, int port, String username, String secret, PbxLimits limits) {
        this(host, port, username, secret, limits, ALL_EVENTS);
    }

    /** Without limits, with every event class. */
    public AmiSettings(String host, int port, String username, String secret) {
        this(host, port, username, secret, PbxLimits.UNLIMITED);
    }

    public AmiSettings withLimits(PbxLimits newLimits) {
        return new AmiSettings(host, port, username, secret, newLimits, events);
    }

    public AmiSettings withEvents(String newEvents) {
        return new AmiSettings(host, port, username, secret, limits, newEvents);
    }

    /** How this PBX is named in logs and counters. */
    public String name() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        // The secret stays out of logs.
        return "AmiSettings[" + username + "@" + host + ":" + port + ", " + limits + "]";
    }
}
