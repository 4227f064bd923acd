package dev.collector.pbx.manager;

import dev.collector.pbx.ami.AmiPacket;
import dev.collector.pbx.world.TrafficCounters;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Ping, CoreSettings, CoreStatus, Command and Events. Asterisk-Java sends CoreSettings right after
 * login and reads {@code AsteriskVersion} to pick its dialect; it falls back to the Command
 * {@code core show version} if that fails.
 */
final class SystemActions {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    void register(Map<String, ActionHandler> actions) {
        actions.put("ping", this::ping);
        actions.put("coresettings", this::coreSettings);
        actions.put("corestatus", this::coreStatus);
        actions.put("command", this::command);
        actions.put("events", this::events);
    }

    private void ping(ManagerSession session, AmiPacket action) {
        Instant now = session.manager().core().clock().instant();
        session.send(Responses.successStart(action)
                .add("Ping", "Pong")
                .add("Timestamp", String.format(Locale.ROOT, "%d.%06d", now.getEpochSecond(), now.getNano() / 1000))
                .build());
    }

    private void coreSettings(ManagerSession session, AmiPacket action) {
        session.send(Responses.successStart(action)
                .add("AMIversion", ManagerInterface.AMI_VERSION)
                .add("AsteriskVersion", ManagerInterface.ASTERISK_VERSION)
                .add("SystemName", "")
                .add("CoreMaxCalls", 0)
                .add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "asterisk")
                .add("CoreRunGroup", "asterisk")
                .add("CoreMaxFilehandles", 0)
                .add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "Yes")
                .add("CoreHTTPenabled", "No")
                .add("SoundsSearchCustomDir", "No")
                .build());
    }

    private void coreStatus(ManagerSession session, AmiPacket action) {
        Instant started = session.manager().startedAt();
        TrafficCounters counters = session.manager().core().counters();
        session.send(Responses.successStart(action)
                .add("CoreStartupDate", DATE.format(started))
                .add("CoreStartupTime", TIME.format(started))
                .add("CoreReloadDate", DATE.format(started))
                .add("CoreReloadTime", TIME.format(started))
                .add("CoreCurrentCalls", counters.activeChannels())
                .add("CoreProcessedCalls", counters.originates())
                .build());
    }

    /** Only the CLI commands a client of this simulator needs; others get the CLI's complaint. */
    private void command(ManagerSession session, AmiPacket action) {
        String command = action.headerOrEmpty("Command").trim();
        if (command.isEmpty()) {
            session.send(Responses.error(action, "No command provided"));
            return;
        }
        String normalized = command.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (normalized.equals("core show version")) {
            session.send(Responses.successStart(action)
                    .add("Message", "Command output follows")
                    .add("Output", "Asterisk " + ManagerInterface.ASTERISK_VERSION
                            + " built by collector @ pbx-simulator on a x86_64 running Linux")
                    .build());
            return;
        }
        session.send(AmiPacket.response("Error")
                .actionId(Responses.actionId(action))
                .add("Message", "Command output follows")
                .add("Output", "No such command '" + command + "' (type 'core show help " + command
                        + "' for other possible commands)")
                .build());
    }

    private void events(ManagerSession session, AmiPacket action) {
        EventMask mask = EventMask.parse(action.headerOrEmpty("EventMask"));
        session.eventMask(mask);
        session.send(Responses.successStart(action).add("Events", mask.isOff() ? "Off" : "On").build());
    }
}
