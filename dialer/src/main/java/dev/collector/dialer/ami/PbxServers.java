package dev.collector.dialer.ami;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the list of Asterisk servers from one configuration value: entries separated by commas,
 * each {@code host[:port][;max-channels=N][;trunk-limit=N][;channels-per-call=N]}, e.g.
 * {@code pbx-a.example:5038;max-channels=400;trunk-limit=120, pbx-b.example;trunk-limit=60}.
 * The manager account is the same on every server.
 */
public final class PbxServers {

    private static final int AMI_PORT = 5038;

    private PbxServers() {
    }

    /**
     * @param field the configuration key, named in every error
     * @throws IllegalArgumentException naming the field, the entry and what is wrong with it
     */
    public static List<AmiSettings> parse(String list, String username, String secret, String field) {
        List<AmiSettings> servers = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String raw : list.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            AmiSettings server = entry(entry, username, secret, field);
            if (!seen.add(server.name())) {
                throw new IllegalArgumentException(field + ": " + server.name() + " is listed twice");
            }
            servers.add(server);
        }
        if (servers.isEmpty()) {
            throw new IllegalArgumentException(field + " must list at least one host[:port]");
        }
        return servers;
    }

    private static AmiSettings entry(String entry, String username, String secret, String field) {
        String[] parts = entry.split(";");
        String address = parts[0].trim();
        String host = address;
        int port = AMI_PORT;
        int colon = address.lastIndexOf(':');
        if (colon >= 0) {
            host = address.substring(0, colon).trim();
            port = number(address.substring(colon + 1), field, entry, "port");
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException(field + ": entry '" + entry + "' has no host");
        }
        int maxChannels = 0;
        int trunkLimit = 0;
        int channelsPerCall = PbxLimits.DEFAULT_CHANNELS_PER_CALL;
        for (int i = 1; i < parts.length; i++) {
            String option = parts[i].trim();
            int equals = option.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(field + ": '" + option + "' in '" + entry
                        + "' is not name=value (max-channels=N or trunk-limit=N)");
            }
            String name = option.substring(0, equals).trim();
            int value = number(option.substring(equals + 1), field, entry, name);
            if (name.equals("max-channels")) {
                maxChannels = value;
            } else if (name.equals("trunk-limit")) {
                trunkLimit = value;
            } else if (name.equals("channels-per-call")) {
                channelsPerCall = value;
            } else {
                throw new IllegalArgumentException(field + ": unknown option '" + name + "' in '" + entry
                        + "' (max-channels, trunk-limit or channels-per-call)");
            }
        }
        try {
            return new AmiSettings(host, port, username, secret, new PbxLimits(maxChannels, trunkLimit, channelsPerCall));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": entry '" + entry + "': " + e.getMessage(), e);
        }
    }

    private static int number(String text, String field, String entry, String what) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": " + what + " in '" + entry
                    + "' must be a whole number of at least 0, was '" + text.trim() + "'");
        }
    }
}
