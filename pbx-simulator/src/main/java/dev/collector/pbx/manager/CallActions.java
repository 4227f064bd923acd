package dev.collector.pbx.manager;

import dev.collector.pbx.ami.AmiPacket;
import dev.collector.pbx.world.Channel;
import dev.collector.pbx.world.HangupCause;
import dev.collector.pbx.world.OriginateListener;
import dev.collector.pbx.world.OriginateRequest;
import dev.collector.pbx.world.PbxCore;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Originate, Hangup, Setvar and Redirect: the actions that change calls. Their effects run on the
 * world thread; the response is queued there before the events it causes, as Asterisk answers
 * "Originate successfully queued" before the first Newchannel.
 */
final class CallActions {

    private final OriginateParser originates = new OriginateParser();

    void register(Map<String, ActionHandler> actions) {
        actions.put("originate", this::originate);
        actions.put("hangup", this::hangup);
        actions.put("setvar", this::setvar);
        actions.put("redirect", this::redirect);
    }

    private void originate(ManagerSession session, AmiPacket action) {
        OriginateParser.Parsed parsed = originates.parse(action);
        if (parsed.request().isEmpty()) {
            session.send(Responses.error(action, parsed.error()));
            return;
        }
        if (session.manager().faults().refusingOriginates()) {
            // what an overloaded or stopping Asterisk answers: no channel, no events
            session.send(Responses.error(action, "Originate failed"));
            return;
        }
        OriginateRequest request = parsed.request().get();
        PbxCore core = session.manager().core();
        if (request.async()) {
            session.send(Responses.success(action, "Originate successfully queued"));
            core.submit(() -> core.originate(request, OriginateListener.NONE));
            return;
        }
        // Asterisk blocks the session until the call is answered or fails; the simulator only
        // holds the response back, and other actions of the session go on meanwhile.
        core.submit(() -> core.originate(request, new OriginateListener() {
            @Override
            public void answered() {
                session.send(Responses.success(action, "Originate successfully queued"));
            }

            @Override
            public void failed(int reason) {
                session.send(Responses.error(action, "Originate failed"));
            }
        }));
    }

    private void hangup(ManagerSession session, AmiPacket action) {
        String channelName = action.headerOrEmpty("Channel");
        if (channelName.isEmpty()) {
            session.send(Responses.error(action, "No channel specified"));
            return;
        }
        int cause = hangupCause(action.headerOrEmpty("Cause"));
        PbxCore core = session.manager().core();
        if (channelName.startsWith("/")) {
            hangupMatching(session, action, channelName, cause);
            return;
        }
        core.submit(() -> core.channel(channelName).ifPresentOrElse(channel -> {
            session.send(Responses.success(action, "Channel Hungup"));
            core.hangup(channel, cause);
        }, () -> session.send(Responses.error(action, "No such channel"))));
    }

    /** {@code Channel: /regex/} hangs up every match and lists them, as Asterisk 13+ does. */
    private void hangupMatching(ManagerSession session, AmiPacket action, String channelRegex, int cause) {
        if (channelRegex.length() < 2 || !channelRegex.endsWith("/")) {
            session.send(Responses.error(action, "Regex format invalid, Channel param should be /regex/"));
            return;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(channelRegex.substring(1, channelRegex.length() - 1));
        } catch (PatternSyntaxException e) {
            session.send(Responses.error(action, "Regex compile failed on: " + channelRegex));
            return;
        }
        PbxCore core = session.manager().core();
        core.submit(() -> {
            session.send(Responses.listStart(action, "Channels hung up will follow"));
            List<Channel> matches = core.channels().stream().filter(c -> pattern.matcher(c.name()).find()).toList();
            for (Channel channel : matches) {
                core.hangup(channel, cause);
                session.send(AmiPacket.builder()
                        .add("Event", "ChannelHungup")
                        .add("Channel", channel.name())
                        .actionId(Responses.actionId(action))
                        .build());
            }
            session.send(Responses.listComplete(action, "ChannelsHungupListComplete", matches.size()).build());
        });
    }

    /** A Cause outside 1..127 is ignored, as Asterisk does; the channel then clears normally. */
    private static int hangupCause(String text) {
        try {
            int cause = Integer.parseInt(text.trim());
            return cause > 0 && cause <= 127 ? cause : HangupCause.NORMAL_CLEARING;
        } catch (NumberFormatException e) {
            return HangupCause.NORMAL_CLEARING;
        }
    }

    private void setvar(ManagerSession session, AmiPacket action) {
        String variable = action.headerOrEmpty("Variable");
        if (variable.isEmpty()) {
            session.send(Responses.error(action, "No variable specified"));
            return;
        }
        String channelName = action.headerOrEmpty("Channel");
        String value = action.headerOrEmpty("Value");
        if (channelName.isEmpty()) {
            session.send(Responses.success(action, "Variable Set")); // a global: nothing here reads it
            return;
        }
        PbxCore core = session.manager().core();
        core.submit(() -> core.channel(channelName).ifPresentOrElse(channel -> {
            core.setVariable(channel, variable, value);
            session.send(Responses.success(action, "Variable Set"));
        }, () -> session.send(Responses.error(action, "No such channel"))));
    }

    private void redirect(ManagerSession session, AmiPacket action) {
        String channelName = action.headerOrEmpty("Channel");
        String context = action.headerOrEmpty("Context");
        String exten = action.headerOrEmpty("Exten");
        String priorityText = action.headerOrEmpty("Priority");
        if (channelName.isEmpty()) {
            session.send(Responses.error(action, "Channel not specified"));
            return;
        }
        if (context.isEmpty()) {
            session.send(Responses.error(action, "Context not specified"));
            return;
        }
        if (exten.isEmpty()) {
            session.send(Responses.error(action, "Exten not specified"));
            return;
        }
        if (priorityText.isEmpty()) {
            session.send(Responses.error(action, "Priority not specified"));
            return;
        }
        int priority;
        try {
            priority = Integer.parseInt(priorityText.trim());
        } catch (NumberFormatException e) {
            priority = 0;
        }
        if (priority < 1) {
            session.send(Responses.error(action, "Priority is invalid"));
            return;
        }
        int target = priority;
        PbxCore core = session.manager().core();
        core.submit(() -> core.channel(channelName).ifPresentOrElse(channel -> {
            if (core.canRedirect(channel)) {
                session.send(Responses.success(action, "Redirect successful"));
                core.redirect(channel, context, exten, target);
            } else {
                session.send(Responses.error(action, "Redirect failed"));
            }
        }, () -> session.send(Responses.error(action, "Channel does not exist: " + channelName))));
    }
}
