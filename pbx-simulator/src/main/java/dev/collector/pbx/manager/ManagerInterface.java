package dev.collector.pbx.manager;

import dev.collector.pbx.ami.AmiConnection;
import dev.collector.pbx.fault.FaultInjection;
import dev.collector.pbx.world.PbxCore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Asterisk's manager interface on top of the simulated core: the actions it answers and the
 * sessions that send them. The action names are those of Asterisk 22, matched ignoring case.
 */
public final class ManagerInterface {

    /** What CoreSettings and {@code core show version} report; Asterisk-Java reads it after login. */
    public static final String ASTERISK_VERSION = "22.10.1";
    public static final String AMI_VERSION = "11.0.0";

    private final ManagerAccount account;
    private final PbxCore core;
    private final EventBroadcaster events;
    private final Instant startedAt;
    private final Map<String, ActionHandler> actions;
    private final FaultInjection faults;

    public ManagerInterface(ManagerAccount account, PbxCore core, EventBroadcaster events) {
        this(account, core, events, new FaultInjection());
    }

    public ManagerInterface(ManagerAccount account, PbxCore core, EventBroadcaster events, FaultInjection faults) {
        this.faults = Objects.requireNonNull(faults, "faults");
        this.account = Objects.requireNonNull(account, "account");
        this.core = Objects.requireNonNull(core, "core");
        this.events = Objects.requireNonNull(events, "events");
        this.startedAt = core.clock().instant();
        Map<String, ActionHandler> table = new HashMap<>();
        new AuthenticationActions().register(table);
        new SystemActions().register(table);
        new CallActions().register(table);
        new ChannelListActions().register(table);
        this.actions = Map.copyOf(table);
    }

    /** The session of a new connection; it answers nothing but Login until authenticated. */
    public AmiConnection.Listener newSession(AmiConnection connection) {
        return new ManagerSession(connection, this, actions);
    }

    ManagerAccount account() {
        return account;
    }

    PbxCore core() {
        return core;
    }

    FaultInjection faults() {
        return faults;
    }

    EventBroadcaster events() {
        return events;
    }

    Instant startedAt() {
        return startedAt;
    }
}
