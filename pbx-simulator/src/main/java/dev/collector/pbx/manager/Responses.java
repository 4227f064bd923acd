package dev.collector.pbx.manager;

import dev.collector.pbx.ami.AmiPacket;

/** Responses shaped like Asterisk's astman_send_ack / _error / _listack / _list_complete. */
final class Responses {

    private Responses() {
    }

    static AmiPacket success(AmiPacket action, String message) {
        return successStart(action).add("Message", message).build();
    }

    static AmiPacket error(AmiPacket action, String message) {
        return AmiPacket.response("Error").actionId(actionId(action)).add("Message", message).build();
    }

    /** {@code Response: Success} and the ActionID, for responses that carry their own fields. */
    static AmiPacket.Builder successStart(AmiPacket action) {
        return AmiPacket.response("Success").actionId(actionId(action));
    }

    /** The response that opens an event list, e.g. "Channels will follow". */
    static AmiPacket listStart(AmiPacket action, String message) {
        return successStart(action).add("EventList", "start").add("Message", message).build();
    }

    /** The event that closes an event list; Status adds {@code Items} after it. */
    static AmiPacket.Builder listComplete(AmiPacket action, String eventName, int count) {
        return AmiPacket.builder()
                .add("Event", eventName)
                .actionId(actionId(action))
                .add("EventList", "Complete")
                .add("ListItems", count);
    }

    static String actionId(AmiPacket action) {
        return action.headerOrEmpty("ActionID");
    }
}
