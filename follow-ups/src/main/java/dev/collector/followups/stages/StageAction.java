package dev.collector.followups.stages;

import dev.collector.followups.task.TaskKind;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One action of a strategy's stage that follow-ups carry out: an SMS or e-mail sent, a letter or an
 * agency hand-over queued for a person. Calls are not among them: the dialer places those.
 *
 * @param template the message or letter text ({@code <template>_<language>.txt}); empty for a hand-over
 * @param cost     what the strategy book says one such action costs, kept with its task
 */
public record StageAction(TaskKind kind, String template, BigDecimal cost) {

    public StageAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(cost, "cost");
        if (kind == TaskKind.CALL) {
            throw new IllegalArgumentException("kind: CALL actions are the dialer's, not a follow-up's");
        }
        if (kind.isMessage() && template.isBlank()) {
            throw new IllegalArgumentException("template: required for " + kind + " (the text to send)");
        }
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("cost: must not be negative, got " + cost);
        }
    }
}
