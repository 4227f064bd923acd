package dev.collector.pbx.manager;

import dev.collector.pbx.ami.AmiPacket;

/** Answers one kind of manager action for a session. */
@FunctionalInterface
interface ActionHandler {
    void handle(ManagerSession session, AmiPacket action);
}
