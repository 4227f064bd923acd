package dev.collector.pbx.world;

import dev.collector.pbx.ami.AmiPacket;
import java.util.Map;

/**
 * The manager events of a call, header for header as Asterisk 22 writes them in the captures
 * ({@code shared/asterisk/ami-run*.log}, captured from Asterisk 22).
 */
final class CallEvents {

    private static final String CALL = "call,all";
    private static final String DIALPLAN = "dialplan,all";

    private CallEvents() {
    }

    static AmiPacket newchannel(Channel channel) {
        return channelEvent("Newchannel", CALL, channel).build();
    }

    static AmiPacket newstate(Channel channel) {
        return channelEvent("Newstate", CALL, channel).build();
    }

    /** The channel's current dialplan step: set it with {@link Channel#dialplan} first. */
    static AmiPacket newexten(Channel channel) {
        return channelEvent("Newexten", DIALPLAN, channel)
                .add("Extension", channel.exten())
                .add("Application", channel.application())
                .add("AppData", channel.applicationData())
                .build();
    }

    static AmiPacket varSet(Channel channel, String variable, String value) {
        return channelEvent("VarSet", DIALPLAN, channel).add("Variable", variable).add("Value", value).build();
    }

    static AmiPacket newCallerid(Channel channel) {
        return channelEvent("NewCallerid", CALL, channel)
                .add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)")
                .build();
    }

    static AmiPacket newConnectedLine(Channel channel) {
        return channelEvent("NewConnectedLine", CALL, channel).build();
    }

    static AmiPacket localBridge(Channel one, Channel two) {
        AmiPacket.Builder event = AmiPacket.event("LocalBridge", CALL);
        one.appendSnapshot(event, "LocalOne");
        two.appendSnapshot(event, "LocalTwo");
        return event.add("Context", one.context())
                .add("Exten", one.exten())
                .add("LocalOptimization", "Yes")
                .build();
    }

    /** DialBegin; an originate has no calling channel, a Dial() from the debtor's leg has one. */
    static AmiPacket dialBegin(Channel caller, Channel destination, String dialString) {
        return dialEvent("DialBegin", caller, destination).add("DialString", dialString).build();
    }

    static AmiPacket dialState(Channel caller, Channel destination, String dialStatus) {
        return dialEvent("DialState", caller, destination).add("DialStatus", dialStatus).build();
    }

    static AmiPacket dialEnd(Channel caller, Channel destination, String dialStatus) {
        return dialEvent("DialEnd", caller, destination).add("DialStatus", dialStatus).build();
    }

    static AmiPacket bridgeCreate(Bridge bridge) {
        return bridgeEvent("BridgeCreate", bridge).build();
    }

    static AmiPacket bridgeEnter(Bridge bridge, Channel channel) {
        return channel.appendSnapshot(bridgeEvent("BridgeEnter", bridge), "").build();
    }

    static AmiPacket bridgeLeave(Bridge bridge, Channel channel) {
        return channel.appendSnapshot(bridgeEvent("BridgeLeave", bridge), "").build();
    }

    static AmiPacket bridgeDestroy(Bridge bridge) {
        return bridgeEvent("BridgeDestroy", bridge).build();
    }

    static AmiPacket hangupRequest(Channel channel, int cause) {
        return channelEvent("HangupRequest", CALL, channel).add("Cause", cause).build();
    }

    static AmiPacket softHangupRequest(Channel channel, int cause) {
        return channelEvent("SoftHangupRequest", CALL, channel).add("Cause", cause).build();
    }

    static AmiPacket hangup(Channel channel, int cause) {
        return channelEvent("Hangup", CALL, channel)
                .add("Cause", cause)
                .add("Cause-txt", HangupCause.text(cause))
                .build();
    }

    /**
     * OriginateResponse as {@code fast_originate()} writes it: on failure there is no channel, so
     * Channel is the requested {@code tech/data} and Uniqueid the ChannelId or {@code <unknown>}.
     */
    static AmiPacket originateResponse(OriginateRequest request, Channel channel, int reason) {
        boolean success = channel != null;
        AmiPacket.Builder event = AmiPacket.event("OriginateResponse", CALL)
                .actionId(request.actionId())
                .add("Response", success ? "Success" : "Failure")
                .add("Channel", success ? channel.name() : request.channel());
        if (request.application().isEmpty()) {
            event.add("Context", request.context()).add("Exten", request.exten());
        } else {
            event.add("Application", request.application()).add("Data", request.data());
        }
        return event.add("Reason", reason)
                .add("Uniqueid", success ? channel.uniqueId() : request.channelId().orElse("<unknown>"))
                .add("CallerIDNum", request.callerIdNum().orElse("<unknown>"))
                .add("CallerIDName", request.callerIdName().orElse("<unknown>"))
                .build();
    }

    /** UserEvent(AMDResult,...) as the capture's {@code [connect] amd} extension sends it. */
    static AmiPacket userEvent(Channel channel, String name, Map<String, String> body) {
        AmiPacket.Builder event = channelEvent("UserEvent", "user,all", channel).add("UserEvent", name);
        body.forEach(event::add);
        return event.build();
    }

    private static AmiPacket.Builder channelEvent(String name, String privilege, Channel channel) {
        return channel.appendSnapshot(AmiPacket.event(name, privilege), "");
    }

    private static AmiPacket.Builder dialEvent(String name, Channel caller, Channel destination) {
        AmiPacket.Builder event = AmiPacket.event(name, CALL);
        if (caller != null) {
            caller.appendSnapshot(event, "");
        }
        return destination.appendSnapshot(event, "Dest");
    }

    private static AmiPacket.Builder bridgeEvent(String name, Bridge bridge) {
        return AmiPacket.event(name, CALL)
                .add("BridgeUniqueid", bridge.uniqueId())
                .add("BridgeType", "basic")
                .add("BridgeTechnology", "simple_bridge")
                .add("BridgeCreator", "<unknown>")
                .add("BridgeName", "<unknown>")
                .add("BridgeNumChannels", bridge.size())
                .add("BridgeVideoSourceMode", "none");
    }
}
