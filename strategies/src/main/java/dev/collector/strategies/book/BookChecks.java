package dev.collector.strategies.book;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The problems found in one strategy book, each at its line and column, and the checks every part
 * of the file shares (known fields, required texts, enum values, lists of texts). Reading goes on
 * after a problem, so that one pass reports them all.
 */
final class BookChecks {

    private final JsonLocations locations;
    private final List<RuleProblem> problems = new ArrayList<>();

    BookChecks(JsonLocations locations) {
        this.locations = locations;
    }

    /** Problems so far: a reader compares the count before and after an element to know it is whole. */
    int count() {
        return problems.size();
    }

    List<RuleProblem> problems() {
        return problems;
    }

    Set<String> strings(JsonNode node, String path, String field) {
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

    <E extends Enum<E>> E enumValue(JsonNode node, String field, String path, Class<E> type, boolean required) {
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

    String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problem(value == null ? path : path + "/" + field, field + ": required, a non-empty text");
            return null;
        }
        return value.asText().strip();
    }

    void unknownFields(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!known.contains(field)) {
                problem(child(path, field), field + ": unknown field (known here: "
                        + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
        }
    }

    void problem(String pointer, String reason) {
        int[] at = locations.of(pointer);
        problems.add(new RuleProblem(at[0], at[1], pointer, reason));
    }

    static Set<String> upper(Set<String> values) {
        return values.stream().map(v -> v.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** The JSON Pointer of a field, escaped as RFC 6901 says (as Jackson writes it). */
    static String child(String path, String field) {
        return path + "/" + field.replace("~", "~0").replace("/", "~1");
    }
}
