package dev.collector.pbx.manager;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which events a session wants, from Login's or the Events action's {@code Events}/{@code
 * EventMask}: {@code on}, {@code off}, or classes such as {@code call,system}.
 */
record EventMask(boolean all, Set<String> classes) {

    static final EventMask ALL = new EventMask(true, Set.of());
    static final EventMask NONE = new EventMask(false, Set.of());

    static EventMask parse(String text) {
        String mask = text.trim().toLowerCase(Locale.ROOT);
        if (mask.isEmpty() || Set.of("on", "yes", "true", "y", "t", "1", "all").contains(mask)) {
            return ALL;
        }
        if (Set.of("off", "no", "false", "n", "f", "0", "none").contains(mask)) {
            return NONE;
        }
        return new EventMask(false, Arrays.stream(mask.split(","))
                .map(String::trim)
                .filter(c -> !c.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }

    boolean isOff() {
        return !all && classes.isEmpty();
    }

    /** @param privilege an event's {@code Privilege} header, e.g. {@code call,all} */
    boolean accepts(String privilege) {
        if (all) {
            return true;
        }
        for (String eventClass : privilege.toLowerCase(Locale.ROOT).split(",")) {
            if (!eventClass.equals("all") && classes.contains(eventClass.trim())) {
                return true;
            }
        }
        return false;
    }
}
