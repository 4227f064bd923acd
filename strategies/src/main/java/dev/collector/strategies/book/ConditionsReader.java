package dev.collector.strategies.book;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a segment's {@code when}: the conditions a case must all meet to belong to it. */
final class ConditionsReader {

    private static final Set<String> RANGES = Set.of("daysPastDue", "amountDue", "promises", "brokenPromises", "score");
    private static final Set<String> WHEN = Set.of("daysPastDue", "amountDue", "promises", "brokenPromises", "score",
            "product", "flags", "disputed", "situation");

    private final BookChecks checks;

    ConditionsReader(BookChecks checks) {
        this.checks = checks;
    }

    List<Condition> conditions(JsonNode when, String path) {
        List<Condition> conditions = new ArrayList<>();
        if (when == null) {
            return conditions;
        }
        if (!when.isObject()) {
            checks.problem(path, "when: must be an object of conditions");
            return conditions;
        }
        checks.unknownFields(when, path, WHEN);
        for (Iterator<Map.Entry<String, JsonNode>> it = when.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            String at = checks.child(path, field);
            if (RANGES.contains(field)) {
                Condition.Range range = range(value, at, field, !field.equals("amountDue") && !field.equals("score"));
                if (range != null) {
                    conditions.add(rangeCondition(field, range));
                }
            } else if (field.equals("product")) {
                Set<String> products = checks.strings(value, at, field);
                if (products != null) {
                    conditions.add(new Condition.Product(checks.upper(products)));
                }
            } else if (field.equals("situation")) {
                Set<String> situations = checks.strings(value, at, field);
                if (situations != null) {
                    Set<CaseSituation> anyOf = new HashSet<>();
                    for (String s : situations) {
                        try {
                            anyOf.add(CaseSituation.valueOf(s));
                        } catch (IllegalArgumentException e) {
                            checks.problem(at, "situation: '" + s + "' is not one of " + Arrays.toString(CaseSituation.values()));
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
                    checks.problem(at, "disputed: must be true or false");
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
            checks.problem(path, field + ": must be an object with \"min\" and/or \"max\"");
            return null;
        }
        checks.unknownFields(node, path, Set.of("min", "max"));
        BigDecimal min = bound(node, "min", path, field, whole);
        BigDecimal max = bound(node, "max", path, field, whole);
        if (min != null && max != null && min.compareTo(max) > 0) {
            checks.problem(path + "/min", field + ": min " + min.toPlainString() + " is above max " + max.toPlainString());
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
            checks.problem(path + "/" + end, field + "." + end + ": must be " + (whole ? "a whole number" : "a number")
                    + ", zero or more");
            return null;
        }
        return value.decimalValue();
    }

    private Condition.Flags flags(JsonNode node, String path) {
        if (!node.isObject()) {
            checks.problem(path, "flags: must be an object with \"all\" and/or \"none\" (lists of flags)");
            return null;
        }
        checks.unknownFields(node, path, Set.of("all", "none"));
        Set<String> all = node.has("all") ? checks.strings(node.get("all"), path + "/all", "flags.all") : Set.of();
        Set<String> none = node.has("none") ? checks.strings(node.get("none"), path + "/none", "flags.none") : Set.of();
        if (all == null || none == null) {
            return null;
        }
        return new Condition.Flags(checks.upper(all), checks.upper(none));
    }
}
