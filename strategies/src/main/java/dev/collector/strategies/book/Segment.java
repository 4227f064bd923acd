package dev.collector.strategies.book;

import java.util.List;
import java.util.Objects;

/**
 * A group of cases worked alike: those every condition holds for. The champion strategy runs on
 * the segment's cases except the challengers' shares.
 */
public record Segment(String name, List<Condition> conditions, String champion, List<Challenger> challengers) {

    public Segment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(champion, "champion");
        conditions = List.copyOf(conditions);
        challengers = List.copyOf(challengers);
    }

    public boolean covers(CaseProfile profile) {
        for (Condition condition : conditions) {
            if (!condition.holds(profile)) {
                return false;
            }
        }
        return true;
    }
}
