package dev.collector.reports.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a report row is grouped by besides its campaign and agent, as it was when the row was
 * written: a case re-segmented later keeps its earlier rows under the earlier segment and strategy.
 *
 * @param team the agent's team, empty when the agent has none (or there is no agent)
 * @param cost what the strategy's action behind the row cost (a call's cost for an attempt)
 */
public record Tags(String segment, String strategy, boolean champion, String team, String channel, BigDecimal cost) {

    /** Rows of cases no strategy was assigned to (the rules were off, or the case is unknown). */
    public static final String NONE = "(none)";

    public Tags {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(cost, "cost");
    }

    public static Tags untagged(String team, String channel) {
        return new Tags(NONE, NONE, true, team, channel, BigDecimal.ZERO);
    }
}
