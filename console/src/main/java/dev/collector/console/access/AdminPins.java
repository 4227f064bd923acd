package dev.collector.console.access;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code collector.admins.pins}: {@code id:sha256hex,...}, each the SHA-256 of an
 * administrator's PIN ({@code printf %s "$PIN" | sha256sum}), the same form as the supervisors'
 * PINs. No entry: no administrator, and nobody may change the settings only an administrator may.
 */
public final class AdminPins {

    public static final String SETTING = "collector.admins.pins";

    private AdminPins() {
    }

    /** @throws IllegalArgumentException naming the setting and the entry that is not {@code id:sha256hex} */
    public static Map<String, String> parse(String entries) {
        Map<String, String> pins = new LinkedHashMap<>();
        for (String entry : entries.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":", -1);
            if (parts.length != 2 || parts[0].isBlank() || !parts[1].matches("[0-9a-fA-F]{64}")) {
                // the entry is not echoed whole: a PIN typed where its digest belongs must not reach the log
                throw new IllegalArgumentException("setting " + SETTING + ": the entry of '" + parts[0].strip()
                        + "' is not id:sha256hex (printf %s \"$PIN\" | sha256sum)");
            }
            if (pins.put(parts[0], parts[1]) != null) {
                throw new IllegalArgumentException("setting " + SETTING + ": administrator '" + parts[0]
                        + "' is listed twice");
            }
        }
        return pins;
    }
}
