package dev.collector.followups.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collector.followups.task.TaskKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a rule book from JSON and checks it whole, at start: every problem is reported at once, each
 * naming its strategy, rule and field, so a bad rule stops the node instead of a follow-up going
 * missing later. The format, with every field:
 *
 * <pre>
 * { "strategies": { "default": [
 *     { "name": "promise-reminder", "on": "PROMISE_TO_PAY", "channel": "SMS",
 *       "template": "promise-reminder", "when": "1 day before promise at 10:00",
 *       "sla": "PT12H", "queue": "back-office", "escalateTo": "supervisors" } ] } }
 * </pre>
 *
 * {@code on}: a disposition code, {@code BROKEN_PROMISE}, or {@code ATTEMPTS_WITHOUT_CONTACT} with
 * {@code "attempts": N}. {@code when}: {@code immediately}, {@code after PT2H},
 * {@code N day(s) before promise at HH:mm}, {@code next morning at HH:mm}.
 */
public final class RuleBookLoader {

    /** The rules shipped with the module, used when no file is configured. */
    public static final String BUILT_IN = "followups/rules.json";

    private static final Set<String> DISPOSITIONS = Set.copyOf(dev.collector.domain.outcome.Disposition.CODES);
    private static final Set<String> FIELDS = Set.of("name", "on", "attempts", "channel", "template", "when", "sla",
            "queue", "escalateTo");
    private static final Pattern AFTER = Pattern.compile("after\\s+(\\S+)");
    private static final Pattern BEFORE_PROMISE = Pattern.compile("(\\d+)\\s+days?\\s+before\\s+promise\\s+at\\s+(\\S+)");
    private static final Pattern NEXT_MORNING = Pattern.compile("next\\s+morning\\s+at\\s+(\\S+)");

    private RuleBookLoader() {
    }

    public static RuleBook builtIn() {
        try (InputStream in = RuleBookLoader.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleBook read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new InvalidRuleBook(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** @param origin names the source in errors */
    public static RuleBook parse(String json, String origin) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRuleBook(origin + ": not valid JSON: " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        JsonNode strategies = root == null ? null : root.get("strategies");
        if (strategies == null || !strategies.isObject()) {
            throw new InvalidRuleBook(origin + ": needs an object \"strategies\" with at least a \"default\" strategy");
        }
        Map<String, List<FollowUpRule>> book = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = strategies.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> strategy = it.next();
            if (!strategy.getValue().isArray()) {
                problems.add("strategy \"" + strategy.getKey() + "\": must be a list of rules");
                continue;
            }
            List<FollowUpRule> rules = new ArrayList<>();
            Set<String> names = new HashSet<>();
            int index = 0;
            for (JsonNode node : strategy.getValue()) {
                String where = "strategy \"" + strategy.getKey() + "\", rule "
                        + (node.hasNonNull("name") ? "\"" + node.get("name").asText() + "\"" : "#" + (index + 1));
                FollowUpRule rule = rule(node, where, problems);
                if (rule != null) {
                    if (!names.add(rule.name())) {
                        problems.add(where + ": name: used twice in this strategy (task ids derive from it)");
                    }
                    rules.add(rule);
                }
                index++;
            }
            book.put(strategy.getKey(), List.copyOf(rules));
        }
        if (!book.containsKey(RuleBook.DEFAULT)) {
            problems.add("strategies: a \"" + RuleBook.DEFAULT + "\" strategy is required (campaigns without their own use it)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleBook(origin + ": " + String.join("; ", problems));
        }
        return new RuleBook(book);
    }

    private static FollowUpRule rule(JsonNode node, String where, List<String> problems) {
        if (!node.isObject()) {
            problems.add(where + ": must be an object");
            return null;
        }
        int before = problems.size();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                problems.add(where + ": " + field + ": unknown field (known: " + FIELDS.stream().sorted().toList() + ")");
            }
        }
        String name = text(node, "name", where, problems);
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            problems.add(where + ": name: letters, digits, - and _ only");
        }
        Trigger trigger = trigger(node, where, problems);
        TaskKind kind = null;
        String channel = text(node, "channel", where, problems);
        if (channel != null) {
            try {
                kind = TaskKind.valueOf(channel);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": channel: '" + channel + "' is not one of SMS, EMAIL, LETTER, CALL, AGENCY");
            }
        }
        String template = node.hasNonNull("template") ? node.get("template").asText() : "";
        if (kind != null && kind.isMessage() && template.isBlank()) {
            problems.add(where + ": template: required for " + kind + " (the message's text)");
        }
        Timing timing = timing(text(node, "when", where, problems), where, problems);
        Duration sla = null;
        String slaText = text(node, "sla", where, problems);
        if (slaText != null) {
            try {
                sla = Duration.parse(slaText);
                if (sla.isNegative() || sla.isZero()) {
                    problems.add(where + ": sla: must be positive");
                }
            } catch (DateTimeParseException e) {
                problems.add(where + ": sla: '" + slaText + "' is not an ISO-8601 duration like PT4H or P2D");
            }
        }
        String queue = node.hasNonNull("queue") ? node.get("queue").asText() : "";
        if (kind != null && !kind.isMessage() && queue.isBlank()) {
            problems.add(where + ": queue: required for " + kind + " (the work queue a person takes it from)");
        }
        if (queue.isBlank()) {
            queue = "back-office";
        }
        String escalateTo = node.hasNonNull("escalateTo") ? node.get("escalateTo").asText() : "supervisors";
        if (problems.size() > before) {
            return null;
        }
        return new FollowUpRule(name, trigger, kind, template, timing, sla, queue, escalateTo);
    }

    private static Trigger trigger(JsonNode node, String where, List<String> problems) {
        String on = text(node, "on", where, problems);
        if (on == null) {
            return null;
        }
        if (on.equals("BROKEN_PROMISE")) {
            return new Trigger.BrokenPromise();
        }
        if (on.equals("ATTEMPTS_WITHOUT_CONTACT")) {
            JsonNode attempts = node.get("attempts");
            if (attempts == null || !attempts.canConvertToInt() || attempts.asInt() < 1) {
                problems.add(where + ": attempts: a whole number of at least 1 is required with ATTEMPTS_WITHOUT_CONTACT");
                return null;
            }
            return new Trigger.AttemptsWithoutContact(attempts.asInt());
        }
        if (DISPOSITIONS.contains(on)) {
            return new Trigger.OnDisposition(on);
        }
        problems.add(where + ": on: '" + on + "' is not a disposition code " + DISPOSITIONS.stream().sorted().toList()
                + ", BROKEN_PROMISE or ATTEMPTS_WITHOUT_CONTACT");
        return null;
    }

    private static Timing timing(String when, String where, List<String> problems) {
        if (when == null) {
            return null;
        }
        String spec = when.trim();
        try {
            if (spec.equals("immediately")) {
                return new Timing.Immediately();
            }
            Matcher m = AFTER.matcher(spec);
            if (m.matches()) {
                return new Timing.After(Duration.parse(m.group(1)));
            }
            m = BEFORE_PROMISE.matcher(spec);
            if (m.matches()) {
                return new Timing.BeforePromiseDate(Integer.parseInt(m.group(1)), LocalTime.parse(m.group(2)));
            }
            m = NEXT_MORNING.matcher(spec);
            if (m.matches()) {
                return new Timing.NextMorning(LocalTime.parse(m.group(1)));
            }
        } catch (DateTimeParseException e) {
            problems.add(where + ": when: '" + when + "': " + e.getMessage());
            return null;
        }
        problems.add(where + ": when: '" + when + "' is not 'immediately', 'after PT2H', "
                + "'1 day before promise at 10:00' or 'next morning at 09:00'");
        return null;
    }

    private static String text(JsonNode node, String field, String where, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            problems.add(where + ": " + field + ": required");
            return null;
        }
        return value.asText().trim();
    }

    /** A rule book that cannot be used, with every problem found. */
    public static final class InvalidRuleBook extends IllegalArgumentException {
        public InvalidRuleBook(String message) {
            super(message);
        }
    }
}
