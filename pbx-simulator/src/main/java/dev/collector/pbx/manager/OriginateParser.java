package dev.collector.pbx.manager;

import dev.collector.pbx.ami.AmiPacket;
import dev.collector.pbx.world.OriginateRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an Originate action the way Asterisk's {@code action_originate()} does, with its error
 * messages for what it refuses before queueing anything.
 */
final class OriginateParser {

    /** Asterisk's AST_MAX_PUBLIC_UNIQUEID. */
    private static final int MAX_UNIQUEID = 149;
    private static final Set<String> TRUE_WORDS = Set.of("yes", "true", "y", "t", "1", "on");
    private static final Pattern NAME_AND_NUMBER = Pattern.compile("^\\s*\"?([^\"<]*?)\"?\\s*<([^>]*)>\\s*$");
    private static final Pattern NUMBER = Pattern.compile("^[+0-9#*()\\-. ]+$");

    /** Either the request or the message of the error response. */
    record Parsed(Optional<OriginateRequest> request, String error) {
        static Parsed failed(String error) {
            return new Parsed(Optional.empty(), error);
        }
    }

    Parsed parse(AmiPacket action) {
        String channelId = action.headerOrEmpty("ChannelId");
        String otherChannelId = action.headerOrEmpty("OtherChannelId");
        if (channelId.length() > MAX_UNIQUEID || otherChannelId.length() > MAX_UNIQUEID) {
            return Parsed.failed("Uniqueid length exceeds maximum of " + MAX_UNIQUEID);
        }
        String channel = action.headerOrEmpty("Channel");
        if (channel.isEmpty()) {
            return Parsed.failed("Channel not specified");
        }
        int priority = 0;
        String priorityText = action.headerOrEmpty("Priority");
        if (!priorityText.isEmpty()) {
            try {
                priority = Integer.parseInt(priorityText);
            } catch (NumberFormatException e) {
                return Parsed.failed("Invalid priority"); // the simulator's dialplan has no labels
            }
        }
        Duration timeout = OriginateRequest.DEFAULT_TIMEOUT;
        String timeoutText = action.headerOrEmpty("Timeout");
        if (!timeoutText.isEmpty()) {
            try {
                timeout = Duration.ofMillis(Long.parseLong(timeoutText));
            } catch (NumberFormatException e) {
                return Parsed.failed("Invalid timeout");
            }
        }
        if (channel.indexOf('/') < 0) {
            return Parsed.failed("Invalid channel");
        }
        boolean async = TRUE_WORDS.contains(action.headerOrEmpty("Async").toLowerCase(Locale.ROOT));
        String application = action.headerOrEmpty("Application");
        if (!async && application.isEmpty() && priority == 0) {
            return Parsed.failed("Originate with 'Exten' requires 'Context' and 'Priority'");
        }
        String[] callerId = parseCallerId(action.headerOrEmpty("CallerID"));
        return new Parsed(Optional.of(new OriginateRequest(
                action.headerOrEmpty("ActionID"),
                channel,
                action.headerOrEmpty("Context"),
                action.headerOrEmpty("Exten"),
                priority,
                application,
                action.headerOrEmpty("Data"),
                timeout,
                Optional.ofNullable(callerId[0]),
                Optional.ofNullable(callerId[1]),
                action.headerOrEmpty("Account"),
                variables(action),
                channelId.isEmpty() ? Optional.empty() : Optional.of(channelId),
                otherChannelId.isEmpty() ? Optional.empty() : Optional.of(otherChannelId),
                async)), "");
    }

    /** {@code Variable: A=1} headers, each of which may also hold {@code A=1,B=2}. */
    static Map<String, String> variables(AmiPacket action) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String header : action.headerValues("Variable")) {
            for (String assignment : header.split(",")) {
                int equals = assignment.indexOf('=');
                if (equals > 0) {
                    variables.put(assignment.substring(0, equals).trim(), assignment.substring(equals + 1).trim());
                }
            }
        }
        return variables;
    }

    /** Like {@code ast_callerid_parse}: {@code "Dialer" <1000>}, {@code 1000} or a bare name. */
    static String[] parseCallerId(String text) {
        if (text.isBlank()) {
            return new String[] {null, null};
        }
        Matcher both = NAME_AND_NUMBER.matcher(text);
        if (both.matches()) {
            return new String[] {emptyToNull(both.group(1).trim()), emptyToNull(shrink(both.group(2)))};
        }
        if (NUMBER.matcher(text).matches()) {
            return new String[] {null, emptyToNull(shrink(text))};
        }
        return new String[] {text.trim().replace("\"", ""), null};
    }

    /** {@code ast_shrink_phone_number}: drops the punctuation people write numbers with. */
    private static String shrink(String number) {
        return number.replaceAll("[\\s()\\-.]", "");
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
