package dev.collector.console.access;

import dev.collector.domain.access.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The role each web route needs, one line per route as the router registers it: a route added
 * without a line here is refused to everyone (403) by the {@link WebAccessGuard}, and
 * {@code WebAccessTest} fails. A route open to all is open on purpose: a login page and its
 * scripts, the agent socket (whose every message but {@code login} needs an agent logged in on
 * that socket), and the health and metrics routes an orchestrator and Prometheus read (keep the
 * HTTP port inside your network).
 */
public final class WebAccessRules {

    /** What a route needs: nothing (open), or a session of a role that may act as this one. */
    public record Rule(Optional<Role> needs, Optional<String> auditedAs) {

        static Rule open() {
            return new Rule(Optional.empty(), Optional.empty());
        }

        static Rule needs(Role role) {
            return new Rule(Optional.of(role), Optional.empty());
        }

        /** A read of debtors' data: each one allowed is written to the access audit under this name. */
        static Rule audited(Role role, String name) {
            return new Rule(Optional.of(role), Optional.of(name));
        }
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("/", Rule.open());
        RULES.put("/health", Rule.open());
        RULES.put("/health/live", Rule.open());
        RULES.put("/health/ready", Rule.open());
        RULES.put("/metrics", Rule.open());
        RULES.put("/agent", Rule.open());
        RULES.put("/agent/socket", Rule.open());
        RULES.put("/agent/*", Rule.open());
        RULES.put("/supervisor", Rule.open());
        RULES.put("/supervisor/login", Rule.open());
        RULES.put("/supervisor/logout", Rule.open());
        RULES.put("/supervisor/session", Rule.needs(Role.SUPERVISOR));
        RULES.put("/supervisor/floor", Rule.needs(Role.SUPERVISOR));
        RULES.put("/supervisor/stream", Rule.needs(Role.SUPERVISOR));
        // each action needs its own role besides (the abandon cap is an administrator's)
        RULES.put("/supervisor/actions", Rule.needs(Role.SUPERVISOR));
        RULES.put("/supervisor/webjars/*", Rule.open());
        RULES.put("/supervisor/reports", Rule.open());
        RULES.put("/supervisor/reports/kpis", Rule.audited(Role.SUPERVISOR, "report:kpis"));
        RULES.put("/supervisor/reports/strategies", Rule.audited(Role.SUPERVISOR, "report:strategies"));
        RULES.put("/supervisor/reports/cases/:caseId", Rule.audited(Role.SUPERVISOR, "report:case-strategy"));
        RULES.put("/supervisor/reports/cases/*", Rule.needs(Role.SUPERVISOR));
        RULES.put("/supervisor/reports/webjars/*", Rule.open());
        RULES.put("/supervisor/reports/*", Rule.open());
        RULES.put(AccessTrailRoute.PATH, Rule.needs(Role.ADMIN));
        RULES.put("/supervisor/*", Rule.open());
    }

    private WebAccessRules() {
    }

    /** The rule of a route as registered ({@code /supervisor/reports/cases/:caseId}, {@code /agent/*}). */
    public static Optional<Rule> forRoute(String routePath) {
        return Optional.ofNullable(RULES.get(routePath));
    }

    /** Every route with a rule, as registered. */
    public static java.util.Set<String> routes() {
        return java.util.Collections.unmodifiableSet(RULES.keySet());
    }

    /**
     * The rule for a request path: the route written exactly so, else one whose {@code :param}
     * segments match, else the longest {@code /*} prefix; empty when none matches.
     */
    public static Optional<Map.Entry<String, Rule>> forRequest(String path) {
        Rule exact = RULES.get(path);
        if (exact != null) {
            return Optional.of(Map.entry(path, exact));
        }
        String[] segments = path.split("/", -1);
        for (Map.Entry<String, Rule> rule : RULES.entrySet()) {
            if (rule.getKey().contains("/:") && matchesParams(rule.getKey().split("/", -1), segments)) {
                return Optional.of(rule);
            }
        }
        Map.Entry<String, Rule> longest = null;
        for (Map.Entry<String, Rule> rule : RULES.entrySet()) {
            String key = rule.getKey();
            if (key.endsWith("/*") && path.startsWith(key.substring(0, key.length() - 1))
                    && (longest == null || key.length() > longest.getKey().length())) {
                longest = rule;
            }
        }
        return Optional.ofNullable(longest);
    }

    /** Whether a request path falls under a route as registered (exact, {@code :param} or {@code /*} prefix). */
    public static boolean matches(String route, String path) {
        if (route.endsWith("/*")) {
            return path.startsWith(route.substring(0, route.length() - 1));
        }
        return route.equals(path) || (route.contains("/:") && matchesParams(route.split("/", -1), path.split("/", -1)));
    }

    private static boolean matchesParams(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            boolean param = pattern[i].startsWith(":") && !segments[i].isEmpty();
            if (!param && !pattern[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }
}
