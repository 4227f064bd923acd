package dev.collector.pbx.world;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel's variables in the order they were set. Names are matched ignoring case so that
 * {@code force=busy} works as well as {@code FORCE=busy}.
 */
public final class ChannelVariables {

    private static final Logger log = LoggerFactory.getLogger(ChannelVariables.class);

    private final Map<String, String> values = new LinkedHashMap<>();

    public ChannelVariables() {
    }

    public ChannelVariables(Map<String, String> initial) {
        initial.forEach(this::set);
    }

    public void set(String name, String value) {
        values.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        values.put(name, value);
    }

    public Optional<String> get(String name) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue().isBlank() ? Optional.empty() : Optional.of(entry.getValue().trim());
            }
        }
        return Optional.empty();
    }

    /** A variable holding seconds, like {@code TALK=12} or {@code RING=2.5}. */
    public Optional<Duration> seconds(String name) {
        return get(name).flatMap(text -> {
            try {
                BigDecimal seconds = new BigDecimal(text);
                if (seconds.signum() < 0) {
                    throw new NumberFormatException("negative");
                }
                return Optional.of(Duration.ofMillis(seconds.movePointRight(3).longValue()));
            } catch (NumberFormatException e) {
                log.warn("ignoring {}={}: expected seconds", name, text);
                return Optional.empty();
            }
        });
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public ChannelVariables copy() {
        return new ChannelVariables(values);
    }
}
