package dev.collector.strategies.book;

import java.util.Objects;

/** A strategy tried on a share of a segment's cases (0 < share < 1) against the champion. */
public record Challenger(String strategy, double share) {
    public Challenger {
        Objects.requireNonNull(strategy, "strategy");
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("share must be between 0 and 1, got " + share);
        }
    }
}
