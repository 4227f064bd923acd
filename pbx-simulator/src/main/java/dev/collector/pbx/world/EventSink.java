package dev.collector.pbx.world;

import dev.collector.pbx.ami.AmiPacket;

/** Where the simulated PBX sends its manager events: to every logged-in manager session. */
@FunctionalInterface
public interface EventSink {
    void emit(AmiPacket event);
}
