package dev.collector.strategies.book;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the book's {@code segments}: names, conditions, champions and challengers with their shares. */
final class SegmentsReader {

    private static final Set<String> SEGMENT = Set.of("name", "when", "champion", "challengers", "description");
    private static final Set<String> CHALLENGER = Set.of("strategy", "share");

    private final BookChecks checks;
    private final ConditionsReader when;

    SegmentsReader(BookChecks checks) {
        this.checks = checks;
        this.when = new ConditionsReader(checks);
    }

    List<Segment> segments(JsonNode node, Set<String> strategies) {
        List<Segment> segments = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            checks.problem(node == null ? "" : "/segments", "segments: required, a list of at least one segment");
            return segments;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "/segments/" + i;
            JsonNode segment = node.get(i);
            if (!segment.isObject()) {
                checks.problem(path, "a segment must be an object with \"name\" and \"champion\"");
                continue;
            }
            int before = checks.count();
            checks.unknownFields(segment, path, SEGMENT);
            String name = checks.text(segment, "name", path);
            if (name != null && !names.add(name)) {
                checks.problem(path + "/name", "name: segment '" + name + "' is defined twice");
            }
            List<Condition> conditions = when.conditions(segment.get("when"), path + "/when");
            boolean last = i == node.size() - 1;
            if (last && !conditions.isEmpty()) {
                checks.problem(path + "/when", "the last segment must have no conditions: it takes every case the "
                        + "others leave");
            }
            String champion = checks.text(segment, "champion", path);
            if (champion != null && !strategies.contains(champion)) {
                checks.problem(path + "/champion", "champion: no strategy named '" + champion + "' (known: "
                        + strategies.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
            List<Challenger> challengers = challengers(segment.get("challengers"), path + "/challengers", champion,
                    strategies);
            if (checks.count() == before) {
                segments.add(new Segment(name, conditions, champion, challengers));
            }
        }
        return segments;
    }

    private List<Challenger> challengers(JsonNode node, String path, String champion, Set<String> strategies) {
        List<Challenger> challengers = new ArrayList<>();
        if (node == null) {
            return challengers;
        }
        if (!node.isArray()) {
            checks.problem(path, "challengers: must be a list of {\"strategy\", \"share\"}");
            return challengers;
        }
        double total = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "/" + i;
            JsonNode challenger = node.get(i);
            if (!challenger.isObject()) {
                checks.problem(at, "a challenger must be an object with \"strategy\" and \"share\"");
                continue;
            }
            checks.unknownFields(challenger, at, CHALLENGER);
            String strategy = checks.text(challenger, "strategy", at);
            if (strategy != null && !strategies.contains(strategy)) {
                checks.problem(at + "/strategy", "strategy: no strategy named '" + strategy + "'");
            }
            if (strategy != null && strategy.equals(champion)) {
                checks.problem(at + "/strategy", "strategy: '" + strategy + "' is the champion: a challenger must differ");
            }
            if (strategy != null && !seen.add(strategy)) {
                checks.problem(at + "/strategy", "strategy: '" + strategy + "' challenges twice in this segment");
            }
            JsonNode share = challenger.get("share");
            if (share == null) {
                checks.problem(at, "share: required, the part of the segment's cases, e.g. 0.10");
            } else if (!share.isNumber() || !(share.asDouble() > 0 && share.asDouble() < 1)) {
                checks.problem(at + "/share", "share: must be a number above 0 and below 1, e.g. 0.10 for 10 %");
            } else if (strategy != null) {
                total += share.asDouble();
                challengers.add(new Challenger(strategy, share.asDouble()));
            }
        }
        if (total >= 1) {
            checks.problem(path, "challengers: shares add up to " + total + ": the champion needs some cases (below 1)");
        }
        return challengers;
    }
}
