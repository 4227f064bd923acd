package dev.collector.followups.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The follow-up rules of every strategy, as the business set them. A campaign runs the strategy of
 * its name, or the default one.
 */
public record RuleBook(Map<String, List<FollowUpRule>> strategies) {

    public static final String DEFAULT = "default";

    public RuleBook {
        strategies = Map.copyOf(strategies);
        if (!strategies.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("the rule book needs a \"" + DEFAULT + "\" strategy");
        }
    }

    public List<FollowUpRule> rulesFor(String strategy) {
        Objects.requireNonNull(strategy, "strategy");
        return strategies.getOrDefault(strategy, strategies.get(DEFAULT));
    }
}
