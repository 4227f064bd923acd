package dev.collector.pbx.manager;

import dev.collector.pbx.ami.AmiPacket;
import dev.collector.pbx.world.Bridge;
import dev.collector.pbx.world.Channel;
import dev.collector.pbx.world.PbxCore;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Status and CoreShowChannels: the live channels as event lists, so that a dialer that reconnects
 * can reconcile what it believes with what the PBX has. Each list is written in one go on the
 * world thread, so it is a consistent snapshot.
 */
final class ChannelListActions {

    void register(Map<String, ActionHandler> actions) {
        actions.put("status", this::status);
        actions.put("coreshowchannels", this::coreShowChannels);
    }

    private void status(ManagerSession session, AmiPacket action) {
        String channelName = action.headerOrEmpty("Channel");
        List<String> variables = Arrays.stream(action.headerOrEmpty("Variables").split(","))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
        PbxCore core = session.manager().core();
        core.submit(() -> {
            List<Channel> channels;
            if (channelName.isEmpty()) {
                channels = core.channels();
            } else if (core.channel(channelName).isPresent()) {
                channels = List.of(core.channel(channelName).get());
            } else {
                session.send(Responses.error(action, "No such channel"));
                return;
            }
            session.send(Responses.listStart(action, "Channel status will follow"));
            for (Channel channel : channels) {
                session.send(statusEvent(core, action, channel, variables));
            }
            session.send(Responses.listComplete(action, "StatusComplete", channels.size())
                    .add("Items", channels.size())
                    .build());
        });
    }

    private static AmiPacket statusEvent(PbxCore core, AmiPacket action, Channel channel, List<String> variables) {
        AmiPacket.Builder event = AmiPacket.event("Status", "Call");
        channel.appendSnapshot(event, "")
                .add("Type", channel.technology())
                .add("DNID", "")
                .add("EffectiveConnectedLineNum", channel.effectiveConnectedLineNum())
                .add("EffectiveConnectedLineName", channel.effectiveConnectedLineName())
                .add("TimeToHangup", 0)
                .add("BridgeID", channel.bridge().map(Bridge::uniqueId).orElse(""))
                .add("Application", channel.application())
                .add("Data", channel.applicationData())
                .add("Nativeformats", "(slin)")
                .add("Readformat", "slin")
                .add("Readtrans", "")
                .add("Writeformat", "slin")
                .add("Writetrans", "")
                .add("Callgroup", 0)
                .add("Pickupgroup", 0)
                .add("Seconds", ageSeconds(core, channel));
        for (String variable : variables) {
            event.add("Variable", variable + "=" + channel.variable(variable).orElse(""));
        }
        return event.actionId(Responses.actionId(action)).build();
    }

    private void coreShowChannels(ManagerSession session, AmiPacket action) {
        PbxCore core = session.manager().core();
        core.submit(() -> {
            List<Channel> channels = core.channels();
            session.send(Responses.listStart(action, "Channels will follow"));
            for (Channel channel : channels) {
                AmiPacket.Builder event = AmiPacket.builder().add("Event", "CoreShowChannel")
                        .actionId(Responses.actionId(action));
                session.send(channel.appendSnapshot(event, "")
                        .add("Application", channel.application())
                        .add("ApplicationData", channel.applicationData())
                        .add("Duration", hoursMinutesSeconds(ageSeconds(core, channel)))
                        .add("BridgeId", channel.bridge().map(Bridge::uniqueId).orElse(""))
                        .build());
            }
            session.send(Responses.listComplete(action, "CoreShowChannelsComplete", channels.size()).build());
        });
    }

    /** Simulated seconds since the channel was made: at time scale 0.1, ten per real second. */
    private static long ageSeconds(PbxCore core, Channel channel) {
        return core.timeScale().simulatedSeconds(System.nanoTime() - channel.createdNanos());
    }

    private static String hoursMinutesSeconds(long seconds) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
