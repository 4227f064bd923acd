package dev.collector.strategies.book;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The segments, in the order they are tried (the first that covers a case takes it; the last covers
 * every case), the strategies they run, and the seed of the champion/challenger split.
 *
 * @param seed  fixes which cases are challengers: the same seed gives the same split on every node
 *              and after every restart; a new seed starts a new experiment
 * @param origin where the book was read from, for logs
 */
public record StrategyBook(long seed, Map<String, Strategy> strategies, List<Segment> segments, String origin) {

    public StrategyBook {
        strategies = Map.copyOf(strategies);
        segments = List.copyOf(segments);
        Objects.requireNonNull(origin, "origin");
        if (segments.isEmpty() || !segments.get(segments.size() - 1).conditions().isEmpty()) {
            throw new IllegalArgumentException("the last segment must have no conditions (it takes every other case)");
        }
        for (Segment segment : segments) {
            requireStrategy(strategies, segment.champion());
            for (Challenger challenger : segment.challengers()) {
                requireStrategy(strategies, challenger.strategy());
            }
        }
    }

    private static void requireStrategy(Map<String, Strategy> strategies, String name) {
        if (!strategies.containsKey(name)) {
            throw new IllegalArgumentException("no strategy named " + name);
        }
    }

    public Optional<Strategy> strategy(String name) {
        return Optional.ofNullable(strategies.get(name));
    }

    /** The first segment that covers the case; the book's last one always does. */
    public Segment segmentOf(CaseProfile profile) {
        for (Segment segment : segments) {
            if (segment.covers(profile)) {
                return segment;
            }
        }
        throw new IllegalStateException("unreachable: the last segment covers every case");
    }
}
