package dev.collector.console.supervisor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One action a supervisor asked for, read and checked from the wall's JSON before anything is
 * changed: {@code {"action": "pause-campaign", "campaignId": "c1", "reason": "..."}} and so on.
 */
final class SupervisorAction {

    static final Set<String> DIAL_MODES = Set.of("PREVIEW", "PROGRESSIVE", "POWER", "PREDICTIVE");
    static final Set<String> QUEUES = Set.of("SPECIAL", "SENIOR", "JUNIOR");

    /** The request is wrong; {@code field} names the part. */
    static final class Invalid extends Exception {
        private final String field;
        private final String reason;

        Invalid(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
            this.reason = reason;
        }

        String field() {
            return field;
        }

        String reason() {
            return reason;
        }
    }

    private final String name;
    private final String target;
    private final String targetField;
    private final java.util.function.Function<FloorControls, CompletionStage<String>> call;
    private dev.collector.domain.access.Role needs = dev.collector.domain.access.Role.SUPERVISOR;

    private SupervisorAction(String name, String targetField, String target,
                             java.util.function.Function<FloorControls, CompletionStage<String>> call) {
        this.name = name;
        this.targetField = targetField;
        this.target = target;
        this.call = call;
    }

    static SupervisorAction from(JsonObject body) throws Invalid {
        String action = text(body, "action");
        switch (action) {
            case "pause-campaign": {
                String campaign = text(body, "campaignId");
                String reason = optionalText(body, "reason");
                return new SupervisorAction(action, "campaignId", campaign, c -> c.pauseCampaign(campaign, reason));
            }
            case "resume-campaign": {
                String campaign = text(body, "campaignId");
                return new SupervisorAction(action, "campaignId", campaign, c -> c.resumeCampaign(campaign));
            }
            case "change-dial-mode": {
                String campaign = text(body, "campaignId");
                String mode = text(body, "dialMode").toUpperCase(Locale.ROOT);
                if (!DIAL_MODES.contains(mode)) {
                    throw new Invalid("dialMode", "must be one of " + DIAL_MODES + ", was " + mode);
                }
                return new SupervisorAction(action, "campaignId", campaign + " to " + mode,
                        c -> c.changeDialMode(campaign, mode));
            }
            case "cap-abandon-rate": {
                String campaign = text(body, "campaignId");
                double cap = percent(body);
                // the cap is what keeps the dialer within the regulator's abandon limit: an administrator's setting
                return new SupervisorAction(action, "campaignId", campaign + " to " + cap,
                        c -> c.capAbandonRate(campaign, cap)).needing(dev.collector.domain.access.Role.ADMIN);
            }
            case "move-agent": {
                String agent = text(body, "agentId");
                List<String> queues = queues(body);
                return new SupervisorAction(action, "agentId", agent + " to " + String.join(">", queues),
                        c -> c.moveAgent(agent, queues));
            }
            case "pause-agent": {
                String agent = text(body, "agentId");
                String reason = optionalText(body, "reason");
                return new SupervisorAction(action, "agentId", agent, c -> c.pauseAgent(agent, reason));
            }
            default:
                throw new Invalid("action", "must be one of pause-campaign, resume-campaign, change-dial-mode, "
                        + "cap-abandon-rate, move-agent, pause-agent; was '" + action + "'");
        }
    }

    String name() {
        return name;
    }

    /** The role a session needs to carry the action out: a supervisor's, unless said otherwise. */
    dev.collector.domain.access.Role needs() {
        return needs;
    }

    private SupervisorAction needing(dev.collector.domain.access.Role role) {
        this.needs = role;
        return this;
    }

    /** What the action is on, for the journal. */
    String target() {
        return target;
    }

    CompletionStage<String> carryOut(FloorControls controls) {
        return call.apply(controls);
    }

    /** The field an {@link IllegalArgumentException} of the controls is about: the one it names, else the target. */
    String fieldOf(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        for (String field : List.of("dialMode", "abandonCap", "queues", "reason", "campaignId", "agentId")) {
            if (message.startsWith(field)) {
                return field;
            }
        }
        return targetField;
    }

    private static String text(JsonObject body, String field) throws Invalid {
        Object value = body.getValue(field);
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw new Invalid(field, "is required");
        }
        String text = ((String) value).strip();
        if (text.length() > 200) {
            throw new Invalid(field, "must be at most 200 characters");
        }
        return text;
    }

    private static String optionalText(JsonObject body, String field) throws Invalid {
        Object value = body.getValue(field);
        if (value == null || (value instanceof String && ((String) value).isBlank())) {
            return "";
        }
        return text(body, field);
    }

    /** The cap as the supervisor types it: a share (0.02) or a percentage (2 or "2 %"). */
    private static double percent(JsonObject body) throws Invalid {
        Object value = body.getValue("abandonCap");
        double cap;
        try {
            cap = value instanceof Number ? ((Number) value).doubleValue()
                    : Double.parseDouble(String.valueOf(value).replace("%", "").strip());
        } catch (NumberFormatException e) {
            throw new Invalid("abandonCap", "must be a number such as 0.02 or 2 %, was " + value);
        }
        if (cap >= 1 && cap < 100) {
            cap = cap / 100;
        }
        if (!(cap > 0 && cap < 1)) {
            throw new Invalid("abandonCap", "must be above 0 and below 100 %, was " + value);
        }
        return cap;
    }

    private static List<String> queues(JsonObject body) throws Invalid {
        Object value = body.getValue("queues");
        List<String> queues = new ArrayList<>();
        if (value instanceof JsonArray) {
            for (Object q : (JsonArray) value) {
                queues.add(String.valueOf(q).strip().toUpperCase(Locale.ROOT));
            }
        } else if (value instanceof String) {
            for (String q : ((String) value).split("[>,]")) {
                if (!q.isBlank()) {
                    queues.add(q.strip().toUpperCase(Locale.ROOT));
                }
            }
        }
        if (queues.isEmpty()) {
            throw new Invalid("queues", "name at least one queue (SPECIAL, SENIOR, JUNIOR)");
        }
        for (String q : queues) {
            if (!QUEUES.contains(q)) {
                throw new Invalid("queues", "unknown queue " + q + " (SPECIAL, SENIOR, JUNIOR)");
            }
        }
        if (Set.copyOf(queues).size() != queues.size()) {
            throw new Invalid("queues", "a queue is listed twice: " + queues);
        }
        return queues;
    }
}
