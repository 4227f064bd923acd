package dev.collector.strategies.segmentation;

import dev.collector.strategies.book.CaseSituation;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The segment a case is in, the strategy it runs, and what that strategy does next, with the state
 * change that decided it. Recorded beside the case and with every attempt and outcome, so reports
 * group by segment and strategy as they were at the time.
 *
 * @param champion   whether the strategy is the segment's champion (else a challenger)
 * @param nextActions the current stage's actions, in order, as {@code KIND} or {@code CALL/MODE/priority}
 * @param cause      the state change that led to this assignment ({@code admitted}, {@code payment} ...)
 */
public record StrategyAssignment(
        String caseId,
        String segment,
        String strategy,
        boolean champion,
        CaseSituation situation,
        List<String> nextActions,
        String cause,
        Instant assignedAt) implements Serializable {

    public StrategyAssignment {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(assignedAt, "assignedAt");
        nextActions = List.copyOf(nextActions);
    }

    public String arm() {
        return champion ? "champion" : "challenger";
    }

    /** The stage's first call action, if it has one: a case whose stage has none is not dialed. */
    public java.util.Optional<dev.collector.strategies.dialing.CallStep> call() {
        for (String action : nextActions) {
            String[] parts = action.split("/");
            if (parts.length == 3 && parts[0].equals(CALL)) {
                return java.util.Optional.of(new dev.collector.strategies.dialing.CallStep(
                        dev.collector.domain.campaign.DialMode.valueOf(parts[1]), Integer.parseInt(parts[2])));
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether the stage has actions other than calls (SMS, e-mail, letter, hand-over): follow-ups carry them out. */
    public boolean hasFollowUpActions() {
        return nextActions.stream().anyMatch(action -> !action.startsWith(CALL));
    }

    /** How a call action is listed in {@link #nextActions}: {@code CALL/MODE/priority}. */
    static String describeCall(String mode, int priority) {
        return CALL + "/" + mode + "/" + priority;
    }

    private static final String CALL = "CALL";

    /** Whether a new assignment changes anything a report or the dialer would see. */
    public boolean sameAs(StrategyAssignment other) {
        return other != null && segment.equals(other.segment) && strategy.equals(other.strategy)
                && situation == other.situation && nextActions.equals(other.nextActions);
    }
}
