package dev.collector.strategies.book;

import dev.collector.domain.campaign.DialMode;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a stage: what to do and what it costs each time it is done. The cost is what the
 * comparison of strategies charges against what they collect.
 *
 * @param mode     how a {@link ActionKind#CALL} is dialed; empty for the other kinds
 * @param priority the rank a call gets in its campaign's queue (higher first); 0 for the other kinds
 * @param template the message or letter text to use; empty when the kind needs none
 */
public record Action(ActionKind kind, BigDecimal cost, Optional<DialMode> mode, int priority, String template) {

    public Action {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(template, "template");
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("cost must not be negative");
        }
    }
}
