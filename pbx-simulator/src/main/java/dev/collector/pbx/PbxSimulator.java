package dev.collector.pbx;

import dev.collector.pbx.ami.AmiServer;
import dev.collector.pbx.fault.FaultInjection;
import dev.collector.pbx.manager.EventBroadcaster;
import dev.collector.pbx.manager.ManagerAccount;
import dev.collector.pbx.manager.ManagerInterface;
import dev.collector.pbx.world.PbxCore;
import dev.collector.pbx.world.TimeScale;
import dev.collector.pbx.world.TrafficCounters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;

/**
 * A PBX that speaks the Asterisk Manager Interface of Asterisk 22 over TCP, with simulated
 * debtors and agents behind it, so the dialer runs against it exactly as against Asterisk.
 *
 * <pre>{@code
 * try (PbxSimulator pbx = PbxSimulator.start(SimulatorSettings.defaults().withTimeScale(0.01))) {
 *     ManagerConnection ami = new ManagerConnectionFactory("127.0.0.1", pbx.port(), "collector", "collector")
 *             .createManagerConnection();
 *     ...
 * }
 * }</pre>
 */
public final class PbxSimulator implements AutoCloseable {

    private final PbxCore core;
    private final AmiServer server;
    private final EventBroadcaster events;
    private final FaultInjection faults;

    private PbxSimulator(PbxCore core, AmiServer server, EventBroadcaster events, FaultInjection faults) {
        this.core = core;
        this.server = server;
        this.events = events;
        this.faults = faults;
        faults.connectionDropper(server::dropConnections);
        server.unreachableWhile(faults::networkCut);
    }

    /**
     * Starts listening at once; managers can log in as soon as this returns.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static PbxSimulator start(SimulatorSettings settings) {
        Objects.requireNonNull(settings, "settings");
        FaultInjection faults = new FaultInjection();
        EventBroadcaster events = new EventBroadcaster(faults);
        PbxCore core = new PbxCore(settings.debtors(), settings.seed(), new TimeScale(settings.timeScale()),
                settings.agentAnswerDelay(), Clock.systemUTC(), events);
        core.limitChannels(settings.maxChannels());
        ManagerInterface manager =
                new ManagerInterface(new ManagerAccount(settings.username(), settings.secret()), core, events, faults);
        try {
            return new PbxSimulator(core, AmiServer.start(settings.host(), settings.port(), manager::newSession),
                    events, faults);
        } catch (IOException e) {
            core.close();
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), e);
        }
    }

    /** The bound TCP port, the real one when the settings asked for port 0. */
    public int port() {
        return server.port();
    }

    public String host() {
        return server.host();
    }

    /** As Asterisk's {@code timestampevents = yes}: each event carries the time it was raised. */
    public void timestampEvents(boolean on) {
        events.timestampEvents(on);
    }

    /** Switches faults on and off while the simulator runs: dropped connections, late events, refusals. */
    public FaultInjection faults() {
        return faults;
    }

    /** The live counters, e.g. for a test waiting for the safe-harbour messages played. */
    public dev.collector.pbx.world.TrafficCounters traffic() {
        return core.counters();
    }

    public SimulatorStats stats() {
        TrafficCounters counters = core.counters();
        return new SimulatorStats(counters.originates(), counters.answered(), counters.machine(), counters.busy(),
                counters.congestion(), counters.noAnswer(), counters.failed(), counters.activeChannels(),
                counters.currentCalls());
    }

    /** Closes the manager port and every connection, and stops the simulated world. */
    @Override
    public void close() {
        server.close();
        core.close();
        events.close();
    }
}
