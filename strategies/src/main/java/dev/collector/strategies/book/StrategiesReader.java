package dev.collector.strategies.book;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collector.domain.campaign.DialMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the book's {@code strategies}: each strategy's stages and their actions. */
final class StrategiesReader {

    private static final Set<String> STRATEGY = Set.of("stages", "description");
    private static final Set<String> STAGE = Set.of("on", "actions");
    private static final Set<String> ACTION = Set.of("do", "cost", "mode", "priority", "template");
    private static final Set<ActionKind> NEEDS_TEMPLATE = Set.of(ActionKind.SMS, ActionKind.EMAIL, ActionKind.LETTER);

    private final BookChecks checks;

    StrategiesReader(BookChecks checks) {
        this.checks = checks;
    }

    Map<String, Strategy> strategies(JsonNode node) {
        Map<String, Strategy> strategies = new LinkedHashMap<>();
        if (node == null || !node.isObject() || node.isEmpty()) {
            checks.problem(node == null ? "" : "/strategies", "strategies: required, an object of named strategies");
            return strategies;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String path = checks.child("/strategies", name);
            JsonNode strategy = entry.getValue();
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
                checks.problem(path, "strategy name '" + name + "': letters, digits, - and _ only");
            }
            if (!strategy.isObject()) {
                checks.problem(path, "strategy " + name + ": must be an object with \"stages\"");
                continue;
            }
            checks.unknownFields(strategy, path, STRATEGY);
            JsonNode stagesNode = strategy.get("stages");
            if (stagesNode == null || !stagesNode.isArray() || stagesNode.isEmpty()) {
                checks.problem(path, "stages: required, a list of at least one stage");
                continue;
            }
            List<Stage> stages = new ArrayList<>();
            Set<CaseSituation> seen = new HashSet<>();
            for (int i = 0; i < stagesNode.size(); i++) {
                Stage stage = stage(stagesNode.get(i), path + "/stages/" + i);
                if (stage != null) {
                    if (!seen.add(stage.on())) {
                        checks.problem(path + "/stages/" + i + "/on", "on: " + stage.on()
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
            checks.problem(path, "a stage must be an object with \"on\" and \"actions\"");
            return null;
        }
        int before = checks.count();
        checks.unknownFields(node, path, STAGE);
        CaseSituation on = checks.enumValue(node, "on", path, CaseSituation.class, true);
        JsonNode actionsNode = node.get("actions");
        List<Action> actions = new ArrayList<>();
        if (actionsNode == null || !actionsNode.isArray() || actionsNode.isEmpty()) {
            checks.problem(actionsNode == null ? path : path + "/actions", "actions: required, a list of at least one action");
        } else {
            for (int i = 0; i < actionsNode.size(); i++) {
                Action action = action(actionsNode.get(i), path + "/actions/" + i);
                if (action != null) {
                    actions.add(action);
                }
            }
        }
        return checks.count() > before ? null : new Stage(on, actions);
    }

    private Action action(JsonNode node, String path) {
        if (!node.isObject()) {
            checks.problem(path, "an action must be an object with \"do\" and \"cost\"");
            return null;
        }
        int before = checks.count();
        checks.unknownFields(node, path, ACTION);
        ActionKind kind = checks.enumValue(node, "do", path, ActionKind.class, true);
        BigDecimal cost = null;
        JsonNode costNode = node.get("cost");
        if (costNode == null) {
            checks.problem(path, "cost: required (what one such action costs, in the campaign's currency)");
        } else if (!costNode.isNumber() || costNode.decimalValue().signum() < 0) {
            checks.problem(path + "/cost", "cost: must be a number, zero or more");
        } else {
            cost = costNode.decimalValue();
        }
        DialMode mode = checks.enumValue(node, "mode", path, DialMode.class, kind == ActionKind.CALL);
        if (mode != null && kind != null && kind != ActionKind.CALL) {
            checks.problem(path + "/mode", "mode: only a CALL has a dial mode");
        }
        int priority = 0;
        JsonNode priorityNode = node.get("priority");
        if (priorityNode != null) {
            if (kind != null && kind != ActionKind.CALL) {
                checks.problem(path + "/priority", "priority: only a CALL has a queue priority");
            } else if (!priorityNode.isInt() || priorityNode.asInt() < 0 || priorityNode.asInt() > 100) {
                checks.problem(path + "/priority", "priority: must be a whole number from 0 to 100");
            } else {
                priority = priorityNode.asInt();
            }
        }
        String template = node.hasNonNull("template") ? node.get("template").asText().strip() : "";
        if (kind != null && NEEDS_TEMPLATE.contains(kind) && template.isEmpty()) {
            checks.problem(path, "template: required for " + kind + " (the text to send)");
        }
        if (checks.count() > before) {
            return null;
        }
        return new Action(kind, cost, Optional.ofNullable(mode), priority, template);
    }
}
