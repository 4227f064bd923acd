package dev.collector.app.config;

import dev.collector.routing.assignment.RoutingSettings;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.PauseReasons;
import dev.collector.routing.roster.WrapUpTimes;
import dev.collector.routing.skills.AgentProfile;
import dev.collector.routing.skills.CollectorRole;
import dev.collector.routing.skills.QueueRules;
import dev.collector.routing.skills.WorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@link RoutingConfig} from the settings:
 *
 * <ul>
 *   <li>{@code collector.routing.agents}: {@code id:ROLE:languages:teams[:queues]}, comma-separated,
 *       languages and teams {@code +}-separated (may be empty), queues in the agent's order of
 *       priority, {@code >}-separated ({@code agent-01:SENIOR:cs+en:north:SPECIAL>SENIOR}); an agent
 *       not listed serves every queue in any language
 *   <li>{@code collector.routing.campaign-teams}: {@code campaign:team,...}
 *   <li>{@code collector.routing.senior-from-dpd} (90), {@code collector.routing.special-from-claims-past-due} (2)
 *   <li>{@code collector.routing.affinity-hold} (1.0 s, at most 1.5), {@code collector.routing.callback-window}
 *       (1800 s), {@code collector.routing.last-resort-any-agent} (true)
 *   <li>{@code collector.agents.wrap-up} (60 s), {@code collector.agents.wrap-up-by-campaign}
 *       ({@code campaign:seconds,...})
 *   <li>{@code collector.agents.pause-reasons} (BREAK,LUNCH,TRAINING,COACHING,ADMIN)
 *   <li>{@code collector.agents.pins}: {@code id:sha256hex,...} ({@code printf %s "$PIN" | sha256sum})
 * </ul>
 */
public final class RoutingConfigLoader {

    private RoutingConfigLoader() {
    }

    public static RoutingConfig load(ConfigSource source) {
        RoutingSettings settings = new RoutingSettings(
                source.seconds("collector.routing.affinity-hold", RoutingSettings.defaults().affinityHold()),
                source.seconds("collector.routing.callback-window", RoutingSettings.defaults().callbackWindow()),
                source.flag("collector.routing.last-resort-any-agent", true));
        QueueRules queues = new QueueRules(source.integer("collector.routing.senior-from-dpd", 90),
                source.integer("collector.routing.special-from-claims-past-due", 2),
                pairs("collector.routing.campaign-teams", source.string("collector.routing.campaign-teams", "")));
        Map<String, Duration> wrapUps = new HashMap<>();
        pairs("collector.agents.wrap-up-by-campaign", source.string("collector.agents.wrap-up-by-campaign", ""))
                .forEach((campaign, seconds) -> wrapUps.put(campaign, Duration.ofMillis(
                        (long) (number("collector.agents.wrap-up-by-campaign", seconds) * 1000))));
        WrapUpTimes wrapUpTimes = new WrapUpTimes(source.seconds("collector.agents.wrap-up", AgentRoster.DEFAULT_WRAP_UP),
                wrapUps);
        String reasons = source.string("collector.agents.pause-reasons", "");
        PauseReasons pauseReasons = reasons.isBlank() ? PauseReasons.defaults()
                : new PauseReasons(new LinkedHashSet<>(split(reasons, ",")));
        Map<String, String> pins = pairs("collector.agents.pins", source.string("collector.agents.pins", ""));
        pins.forEach((agent, digest) -> {
            if (!digest.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("setting collector.agents.pins: the PIN of " + agent
                        + " must be a SHA-256 digest in hex (printf %s \"$PIN\" | sha256sum)");
            }
        });
        return new RoutingConfig(profiles(source.string("collector.routing.agents", "")), queues, settings, wrapUpTimes,
                pauseReasons, pins);
    }

    static List<AgentProfile> profiles(String spec) {
        List<AgentProfile> profiles = new ArrayList<>();
        for (String entry : split(spec, ",")) {
            String[] parts = entry.split(":", -1);
            if (parts.length < 4 || parts.length > 5) {
                throw new IllegalArgumentException("setting collector.routing.agents: '" + entry
                        + "' is not id:ROLE:languages:teams[:queues] (e.g. agent-01:SENIOR:cs+en:north:SPECIAL>SENIOR)");
            }
            CollectorRole role = enumOf(CollectorRole.class, parts[1], entry);
            List<WorkQueue> queues = parts.length == 5 && !parts[4].isBlank()
                    ? split(parts[4], ">").stream().map(q -> enumOf(WorkQueue.class, q, entry)).toList()
                    : AgentProfile.usualQueues(role);
            profiles.add(new AgentProfile(parts[0].trim(), role, Set.copyOf(split(parts[2], "+")),
                    Set.copyOf(split(parts[3], "+")), queues));
        }
        return profiles;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String entry) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting collector.routing.agents: '" + entry + "': " + value.trim()
                    + " is none of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Map<String, String> pairs(String key, String spec) {
        Map<String, String> pairs = new HashMap<>();
        for (String entry : split(spec, ",")) {
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("setting " + key + ": '" + entry + "' is not key:value");
            }
            pairs.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
        }
        return pairs;
    }

    private static double number(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + ": '" + value + "' is not a number of seconds");
        }
    }

    private static List<String> split(String spec, String separator) {
        return Arrays.stream(spec.split(java.util.regex.Pattern.quote(separator)))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
