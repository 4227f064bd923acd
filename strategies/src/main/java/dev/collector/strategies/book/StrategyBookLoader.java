package dev.collector.strategies.book;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collector.domain.campaign.DialMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads segments and strategies from JSON and checks the whole file at once: every problem is
 * reported with its line, column and reason, so whoever edits the file fixes it in one go, and a
 * bad file stops the node at start (or is refused by a reload, which keeps the rules in force).
 * The format:
 *
 * <pre>
 * { "seed": 20261123,
 *   "strategies": {
 *     "standard": { "stages": [
 *       { "on": "NEW", "actions": [
 *         { "do": "SMS", "template": "payment-reminder", "cost": 0.05 },
 *         { "do": "CALL", "mode": "PROGRESSIVE", "priority": 5, "cost": 0.60 } ] } ] } },
 *   "segments": [
 *     { "name": "early-small", "when": { "daysPastDue": { "max": 30 }, "amountDue": { "max": 500 } },
 *       "champion": "standard", "challengers": [ { "strategy": "sms-first", "share": 0.10 } ] },
 *     { "name": "everyone-else", "champion": "standard" } ] }
 * </pre>
 *
 * Conditions ({@code when}, all must hold): {@code daysPastDue}, {@code amountDue}, {@code promises},
 * {@code brokenPromises}, {@code score} as {@code {"min": .., "max": ..}} (inclusive, either may be
 * left out); {@code product} and {@code situation} as lists (any of); {@code flags} as
 * {@code {"all": [..], "none": [..]}}; {@code disputed} true or false. Segments are tried in order;
 * the last must have no conditions. Stage {@code on}: a {@link CaseSituation}. Action {@code do}: an
 * {@link ActionKind}; CALL needs {@code mode} (a dial mode) and takes {@code priority} (0-100);
 * SMS, EMAIL and LETTER need {@code template}; every action needs {@code cost} (not negative).
 */
public final class StrategyBookLoader {

    /** The example shipped with the module, used by the demo when no file is configured. */
    public static final String BUILT_IN = "strategies/strategies.json";

    private static final Set<String> TOP = Set.of("seed", "strategies", "segments");
    private static final Set<String> STRATEGY = Set.of("stages", "description");
    private static final Set<String> STAGE = Set.of("on", "actions");
    private static final Set<String> ACTION = Set.of("do", "cost", "mode", "priority", "template");
    private static final Set<String> SEGMENT = Set.of("name", "when", "champion", "challengers", "description");
    private static final Set<String> CHALLENGER = Set.of("strategy", "share");
    private static final Set<String> RANGES = Set.of("daysPastDue", "amountDue", "promises", "brokenPromises", "score");
    private static final Set<String> WHEN = Set.of("daysPastDue", "amountDue", "promises", "brokenPromises", "score",
            "product", "flags", "disputed", "situation");
    private static final Set<ActionKind> NEEDS_TEMPLATE = Set.of(ActionKind.SMS, ActionKind.EMAIL, ActionKind.LETTER);

    private final String origin;
    private final JsonLocations locations;
    private final List<RuleProblem> problems = new ArrayList<>();

    private StrategyBookLoader(String origin, JsonLocations locations) {
        this.origin = origin;
        this.locations = locations;
    }

    public static StrategyBook builtIn() {
        try (InputStream in = StrategyBookLoader.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StrategyBook read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidStrategyBook(file.toString(), List.of(new RuleProblem(1, 1, "",
                    "cannot be read (" + e + ")")));
        }
        return parse(text, file.toString());
    }

    /**
     * @param origin names the source in errors
     * @throws InvalidStrategyBook with every problem found
     */
    public static StrategyBook parse(String json, String origin) {
        JsonFactory factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        JsonNode root;
        JsonLocations locations;
        try (JsonParser scan = factory.createParser(json); JsonParser tree = factory.createParser(json)) {
            locations = JsonLocations.of(scan);
            root = new ObjectMapper(factory).readTree(tree);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
            throw new InvalidStrategyBook(origin, List.of(new RuleProblem(line, column, "",
                    "not valid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StrategyBookLoader(origin, locations).book(root);
    }

    private StrategyBook book(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem("", "the file must hold one JSON object with \"strategies\" and \"segments\"");
            throw new InvalidStrategyBook(origin, problems);
        }
        unknownFields(root, "", TOP);
        long seed = 0;
        JsonNode seedNode = root.get("seed");
        if (seedNode == null) {
            problem("", "seed: required (a whole number fixing which cases are challengers)");
        } else if (!seedNode.canConvertToLong() || !seedNode.isIntegralNumber()) {
            problem("/seed", "seed: must be a whole number");
        } else {
            seed = seedNode.asLong();
        }
        Map<String, Strategy> strategies = strategies(root.get("strategies"));
        List<Segment> segments = segments(root.get("segments"), strategies.keySet());
        if (!problems.isEmpty()) {
            throw new InvalidStrategyBook(origin, problems);
        }
        return new StrategyBook(seed, strategies, segments, origin);
    }

    private Map<String, Strategy> strategies(JsonNode node) {
        Map<String, Strategy> strategies = new LinkedHashMap<>();
        if (node == null || !node.isObject() || node.isEmpty()) {
            problem(node == null ? "" : "/strategies", "strategies: required, an object of named strategies");
            return strategies;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String path = child("/strategies", name);
            JsonNode strategy = entry.getValue();
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
                problem(path, "strategy name '" + name + "': letters, digits, - and _ only");
            }
            if (!strategy.isObject()) {
                problem(path, "strategy " + name + ": must be an object with \"stages\"");
                continue;
            }
            unknownFields(strategy, path, STRATEGY);
            JsonNode stagesNode = strategy.get("stages");
            if (stagesNode == null || !stagesNode.isArray() || stagesNode.isEmpty()) {
                problem(path, "stages: required, a list of at least one stage");
                continue;
            }
            List<Stage> stages = new ArrayList<>();
            Set<CaseSituation> seen = new HashSet<>();
            for (int i = 0; i < stagesNode.size(); i++) {
                Stage stage = stage(stagesNode.get(i), path + "/stages/" + i);
                if (stage != null) {
                    if (!seen.add(stage.on())) {
                        problem(path + "/stages/" + i + "/on", "on: " + stage.on()
                                + " has a stage already in this strategy");
                    }
                    stages.add(stage);
                }
            }
            if (stages.size() == stagesNode.size()) {
                strategies.put(name, new Strategy(name, stages));
            } else {
                strategies.put(name, null);
            }
        }
        // A strategy with errors is still known by name: segments naming it get no second error.
        Map<String, Strategy> valid = new LinkedHashMap<>();
        strategies.forEach((name, strategy) -> valid.put(name, strategy == null
                ? new Strategy(name, List.of(new Stage(CaseSituation.NEW, List.of()))) : strategy));
        return valid;
    }

    private Stage stage(JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, "a stage must be an object with \"on\" and \"actions\"");
            return null;
        }
        int before = problems.size();
        unknownFields(node, path, STAGE);
        CaseSituation on = enumValue(node, "on", path, CaseSituation.class, true);
        JsonNode actionsNode = node.get("actions");
        List<Action> actions = new ArrayList<>();
        if (actionsNode == null || !actionsNode.isArray() || actionsNode.isEmpty()) {
            problem(actionsNode == null ? path : path + "/actions", "actions: required, a list of at least one action");
        } else {
            for (int i = 0; i < actionsNode.size(); i++) {
                Action action = action(actionsNode.get(i), path + "/actions/" + i);
                if (action != null) {
                    actions.add(action);
                }
            }
        }
        return problems.size() > before ? null : new Stage(on, actions);
    }

    private Action action(JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, "an action must be an object with \"do\" and \"cost\"");
            return null;
        }
        int before = problems.size();
        unknownFields(node, path, ACTION);
        ActionKind kind = enumValue(node, "do", path, ActionKind.class, true);
        BigDecimal cost = null;
        JsonNode costNode = node.get("cost");
        if (costNode == null) {
            problem(path, "cost: required (what one such action costs, in the campaign's currency)");
        } else if (!costNode.isNumber() || costNode.decimalValue().signum() < 0) {
            problem(path + "/cost", "cost: must be a number, zero or more");
        } else {
            cost = costNode.decimalValue();
        }
        DialMode mode = enumValue(node, "mode", path, DialMode.class, kind == ActionKind.CALL);
        if (mode != null && kind != null && kind != ActionKind.CALL) {
            problem(path + "/mode", "mode: only a CALL has a dial mode");
        }
        int priority = 0;
        JsonNode priorityNode = node.get("priority");
        if (priorityNode != null) {
            if (kind != null && kind != ActionKind.CALL) {
                problem(path + "/priority", "priority: only a CALL has a queue priority");
            } else if (!priorityNode.isInt() || priorityNode.asInt() < 0 || priorityNode.asInt() > 100) {
                problem(path + "/priority", "priority: must be a whole number from 0 to 100");
            } else {
                priority = priorityNode.asInt();
            }
        }
        String template = node.hasNonNull("template") ? node.get("template").asText().strip() : "";
        if (kind != null && NEEDS_TEMPLATE.contains(kind) && template.isEmpty()) {
            problem(path, "template: required for " + kind + " (the text to send)");
        }
        if (problems.size() > before) {
            return null;
        }
        return new Action(kind, cost, Optional.ofNullable(mode), priority, template);
    }

    private List<Segment> segments(JsonNode node, Set<String> strategies) {
        List<Segment> segments = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problem(node == null ? "" : "/segments", "segments: required, a list of at least one segment");
            return segments;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "/segments/" + i;
            JsonNode segment = node.get(i);
            if (!segment.isObject()) {
                problem(path, "a segment must be an object with \"name\" and \"champion\"");
                continue;
            }
            int before = problems.size();
            unknownFields(segment, path, SEGMENT);
            String name = text(segment, "name", path);
            if (name != null && !names.add(name)) {
                problem(path + "/name", "name: segment '" + name + "' is defined twice");
            }
            List<Condition> conditions = conditions(segment.get("when"), path + "/when");
            boolean last = i == node.size() - 1;
            if (last && !conditions.isEmpty()) {
                problem(path + "/when", "the last segment must have no conditions: it takes every case the "
                        + "others leave");
            }
            String champion = text(segment, "champion", path);
            if (champion != null && !strategies.contains(champion)) {
                problem(path + "/champion", "champion: no strategy named '" + champion + "' (known: "
                        + strategies.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
            List<Challenger> challengers = challengers(segment.get("challengers"), path + "/challengers", champion,
                    strategies);
            if (problems.size() == before) {
                segments.add(new Segment(name, conditions, champion, challengers));
            }
        }
        return segments;
    }

    private List<Condition> conditions(JsonNode when, String path) {
        List<Condition> conditions = new ArrayList<>();
        if (when == null) {
            return conditions;
        }
        if (!when.isObject()) {
            problem(path, "when: must be an object of conditions");
            return conditions;
        }
        unknownFields(when, path, WHEN);
        for (Iterator<Map.Entry<String, JsonNode>> it = when.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            String at = child(path, field);
            if (RANGES.contains(field)) {
                Condition.Range range = range(value, at, field, !field.equals("amountDue") && !field.equals("score"));
                if (range != null) {
                    conditions.add(rangeCondition(field, range));
                }
            } else if (field.equals("product")) {
                Set<String> products = strings(value, at, field);
                if (products != null) {
                    conditions.add(new Condition.Product(upper(products)));
                }
            } else if (field.equals("situation")) {
                Set<String> situations = strings(value, at, field);
                if (situations != null) {
                    Set<CaseSituation> anyOf = new HashSet<>();
                    for (String s : situations) {
                        try {
                            anyOf.add(CaseSituation.valueOf(s));
                        } catch (IllegalArgumentException e) {
                            problem(at, "situation: '" + s + "' is not one of " + Arrays.toString(CaseSituation.values()));
                        }
                    }
                    conditions.add(new Condition.InSituation(anyOf));
                }
            } else if (field.equals("flags")) {
                Condition.Flags flags = flags(value, at);
                if (flags != null) {
                    conditions.add(flags);
                }
            } else if (field.equals("disputed")) {
                if (!value.isBoolean()) {
                    problem(at, "disputed: must be true or false");
                } else {
                    conditions.add(new Condition.Disputed(value.asBoolean()));
                }
            }
        }
        return conditions;
    }

    private static Condition rangeCondition(String field, Condition.Range range) {
        switch (field) {
            case "daysPastDue":
                return new Condition.DaysPastDue(range);
            case "amountDue":
                return new Condition.AmountDue(range);
            case "promises":
                return new Condition.Promises(range);
            case "brokenPromises":
                return new Condition.BrokenPromises(range);
            default:
                return new Condition.Score(range);
        }
    }

    private Condition.Range range(JsonNode node, String path, String field, boolean whole) {
        if (!node.isObject() || node.isEmpty()) {
            problem(path, field + ": must be an object with \"min\" and/or \"max\"");
            return null;
        }
        unknownFields(node, path, Set.of("min", "max"));
        BigDecimal min = bound(node, "min", path, field, whole);
        BigDecimal max = bound(node, "max", path, field, whole);
        if (min != null && max != null && min.compareTo(max) > 0) {
            problem(path + "/min", field + ": min " + min.toPlainString() + " is above max " + max.toPlainString());
            return null;
        }
        return new Condition.Range(min, max);
    }

    private BigDecimal bound(JsonNode node, String end, String path, String field, boolean whole) {
        JsonNode value = node.get(end);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || (whole && !value.isIntegralNumber()) || value.decimalValue().signum() < 0) {
            problem(path + "/" + end, field + "." + end + ": must be " + (whole ? "a whole number" : "a number")
                    + ", zero or more");
            return null;
        }
        return value.decimalValue();
    }

    private Condition.Flags flags(JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, "flags: must be an object with \"all\" and/or \"none\" (lists of flags)");
            return null;
        }
        unknownFields(node, path, Set.of("all", "none"));
        Set<String> all = node.has("all") ? strings(node.get("all"), path + "/all", "flags.all") : Set.of();
        Set<String> none = node.has("none") ? strings(node.get("none"), path + "/none", "flags.none") : Set.of();
        if (all == null || none == null) {
            return null;
        }
        return new Condition.Flags(upper(all), upper(none));
    }

    private Set<String> strings(JsonNode node, String path, String field) {
        if (!node.isArray() || node.isEmpty()) {
            problem(path, field + ": must be a list of at least one text");
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i);
            if (!value.isTextual() || value.asText().isBlank()) {
                problem(path + "/" + i, field + ": every entry must be a non-empty text");
                return null;
            }
            values.add(value.asText().strip());
        }
        return values;
    }

    private List<Challenger> challengers(JsonNode node, String path, String champion, Set<String> strategies) {
        List<Challenger> challengers = new ArrayList<>();
        if (node == null) {
            return challengers;
        }
        if (!node.isArray()) {
            problem(path, "challengers: must be a list of {\"strategy\", \"share\"}");
            return challengers;
        }
        double total = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "/" + i;
            JsonNode challenger = node.get(i);
            if (!challenger.isObject()) {
                problem(at, "a challenger must be an object with \"strategy\" and \"share\"");
                continue;
            }
            unknownFields(challenger, at, CHALLENGER);
            String strategy = text(challenger, "strategy", at);
            if (strategy != null && !strategies.contains(strategy)) {
                problem(at + "/strategy", "strategy: no strategy named '" + strategy + "'");
            }
            if (strategy != null && strategy.equals(champion)) {
                problem(at + "/strategy", "strategy: '" + strategy + "' is the champion: a challenger must differ");
            }
            if (strategy != null && !seen.add(strategy)) {
                problem(at + "/strategy", "strategy: '" + strategy + "' challenges twice in this segment");
            }
            JsonNode share = challenger.get("share");
            if (share == null) {
                problem(at, "share: required, the part of the segment's cases, e.g. 0.10");
            } else if (!share.isNumber() || !(share.asDouble() > 0 && share.asDouble() < 1)) {
                problem(at + "/share", "share: must be a number above 0 and below 1, e.g. 0.10 for 10 %");
            } else if (strategy != null) {
                total += share.asDouble();
                challengers.add(new Challenger(strategy, share.asDouble()));
            }
        }
        if (total >= 1) {
            problem(path, "challengers: shares add up to " + total + ": the champion needs some cases (below 1)");
        }
        return challengers;
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String field, String path, Class<E> type, boolean required) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (required) {
                problem(path, field + ": required, one of " + Arrays.toString(type.getEnumConstants()));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.asText().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(path + "/" + field, field + ": '" + value.asText() + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problem(value == null ? path : path + "/" + field, field + ": required, a non-empty text");
            return null;
        }
        return value.asText().strip();
    }

    private void unknownFields(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!known.contains(field)) {
                problem(child(path, field), field + ": unknown field (known here: "
                        + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
        }
    }

    private void problem(String pointer, String reason) {
        int[] at = locations.of(pointer);
        problems.add(new RuleProblem(at[0], at[1], pointer, reason));
    }

    private static Set<String> upper(Set<String> values) {
        return values.stream().map(v -> v.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** The JSON Pointer of a field, escaped as RFC 6901 says (as Jackson writes it). */
    private static String child(String path, String field) {
        return path + "/" + field.replace("~", "~0").replace("/", "~1");
    }
}
