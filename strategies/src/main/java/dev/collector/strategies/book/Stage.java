package dev.collector.strategies.book;

import java.util.List;
import java.util.Objects;

/** What a strategy does, in this order, while a case is in one situation. */
public record Stage(CaseSituation on, List<Action> actions) {
    public Stage {
        Objects.requireNonNull(on, "on");
        actions = List.copyOf(actions);
    }
}
