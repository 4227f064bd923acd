package dev.collector.strategies.book;

import java.util.List;
import java.util.stream.Collectors;

/** A strategy file that cannot be used, with every problem found in it, each with its line. */
public final class InvalidStrategyBook extends IllegalArgumentException {

    private final List<RuleProblem> problems;

    public InvalidStrategyBook(String origin, List<RuleProblem> problems) {
        super(origin + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n  "
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
