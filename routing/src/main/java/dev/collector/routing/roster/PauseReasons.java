package dev.collector.routing.roster;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The reason codes an agent may pause with (configured per installation: the supervisor's reports
 * count time by reason), plus the ones the system sets itself.
 */
public record PauseReasons(Set<String> chosenByAgents) {

    /** Set on login: taking calls is a separate, deliberate step. */
    public static final String NOT_READY = "NOT_READY";
    /** Set when a ready agent's browser went away. */
    public static final String DISCONNECTED = "DISCONNECTED";

    public PauseReasons {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : chosenByAgents) {
            String normal = code.strip().toUpperCase(Locale.ROOT);
            if (!normal.matches("[A-Z][A-Z0-9_]{0,31}")) {
                throw new IllegalArgumentException("a pause reason is an upper-case code, got '" + code + "'");
            }
            codes.add(normal);
        }
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("agents need at least one pause reason");
        }
        chosenByAgents = java.util.Collections.unmodifiableSet(codes);
    }

    public static PauseReasons defaults() {
        return new PauseReasons(new LinkedHashSet<>(List.of("BREAK", "LUNCH", "TRAINING", "COACHING", "ADMIN")));
    }

    /** The first configured reason: what a pause without a reason is counted as. */
    public String usual() {
        return chosenByAgents.iterator().next();
    }

    public boolean allows(String code) {
        return chosenByAgents.contains(code);
    }
}
