package dev.collector.app.monitoring;

import dev.collector.app.config.ConfigSource;
import dev.collector.console.agentdesktop.AgentLogins;
import dev.collector.console.supervisor.AlertThresholds;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who supervises and when the wall raises alerts:
 *
 * <ul>
 *   <li>{@code collector.supervisors.pins}: {@code id:sha256hex,...} ({@code printf %s "$PIN" | sha256sum});
 *       none configured on a demo node: one supervisor {@code supervisor} with a PIN drawn at start
 *       and printed in the startup report
 *   <li>{@code collector.supervisors.journal}: the file supervisor actions are appended to
 *       (beside the outcome journal: {@code supervisor-actions.jsonl})
 *   <li>{@code collector.supervisors.alert-abandon-share} (0.8 of the cap),
 *       {@code collector.supervisors.alert-no-ready-agents} (60 s),
 *       {@code collector.supervisors.sla-warning} (1800 s before a follow-up's deadline)
 * </ul>
 *
 * @param demoPin the PIN drawn for the demo supervisor, to be printed; empty when PINs are configured
 */
public record SupervisorConfig(Map<String, String> pinDigests, Optional<String> demoPin, Path journal,
                               AlertThresholds thresholds, Duration slaWarning) {

    public static final String DEMO_SUPERVISOR = "supervisor";

    public SupervisorConfig {
        pinDigests = Map.copyOf(pinDigests);
    }

    public static SupervisorConfig load(ConfigSource source, boolean demo, Path defaultJournal) {
        Map<String, String> pins = new LinkedHashMap<>();
        for (String entry : source.string("collector.supervisors.pins", "").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":", -1);
            if (parts.length != 2 || parts[0].isBlank() || !parts[1].matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("setting collector.supervisors.pins: '" + entry.strip()
                        + "' is not id:sha256hex (printf %s \"$PIN\" | sha256sum)");
            }
            pins.put(parts[0], parts[1]);
        }
        Optional<String> demoPin = Optional.empty();
        if (pins.isEmpty() && demo) {
            String pin = String.format("%06d", new SecureRandom().nextInt(1_000_000));
            pins.put(DEMO_SUPERVISOR, AgentLogins.digestOf(pin));
            demoPin = Optional.of(pin);
        }
        double share = source.decimal("collector.supervisors.alert-abandon-share", 0.8);
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("setting collector.supervisors.alert-abandon-share: must be within "
                    + "(0, 1], was " + share);
        }
        Duration noReady = source.seconds("collector.supervisors.alert-no-ready-agents", Duration.ofSeconds(60));
        Duration slaWarning = source.seconds("collector.supervisors.sla-warning", Duration.ofMinutes(30));
        if (noReady.isNegative() || slaWarning.isNegative() || slaWarning.isZero()) {
            throw new IllegalArgumentException("settings collector.supervisors.alert-no-ready-agents and "
                    + "collector.supervisors.sla-warning: must be positive durations in seconds");
        }
        Path journal = Path.of(source.string("collector.supervisors.journal", defaultJournal.toString()));
        return new SupervisorConfig(pins, demoPin, journal, new AlertThresholds(share, noReady), slaWarning);
    }
}
