package dev.collector.app.followups;

import dev.collector.followups.FollowUpEngine;
import dev.collector.followups.stages.StageAction;
import dev.collector.followups.stages.StageEntered;
import dev.collector.followups.task.TaskKind;
import dev.collector.strategies.book.Action;
import dev.collector.strategies.book.CaseSituation;
import dev.collector.strategies.book.Stage;
import dev.collector.strategies.book.StrategyBook;
import dev.collector.strategies.segmentation.StrategyAssignment;
import dev.collector.strategies.segmentation.TrackedCase;
import dev.collector.strategies.segmentation.TrackedCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the strategy: when segmentation moves a case into another stage of its strategy, the
 * stage's SMS, e-mail, letter and agency hand-over actions go to the follow-up engine as tasks (the
 * stage's calls are the dialer's business and are left alone). It watches the tracked cases where
 * segmentation keeps each case's assignment: a change is kept there by one atomic step on one
 * member, so each move into a stage is seen once in the cluster, and the follow-up engine creates
 * each stage's tasks once whatever reports it again.
 *
 * <p>Segmentation starts before the follow-up engine (the engine's contact history feeds
 * segmentation): stages entered before {@link #attach} wait here and are handed over then.
 */
public final class StrategyStageFollowUps {

    private static final Logger log = LoggerFactory.getLogger(StrategyStageFollowUps.class);

    private final Object lock = new Object();
    private final List<StageEntered> waiting = new ArrayList<>();
    private Consumer<StageEntered> engine;

    /** Stages entered from now on go to {@code followUps}, and those that waited for it. */
    public void attach(FollowUpEngine followUps) {
        attach(followUps::stageEntered);
    }

    /** Stages entered from now on go to {@code planner}, and those that waited for it. */
    public void attach(Consumer<StageEntered> planner) {
        List<StageEntered> before;
        synchronized (lock) {
            engine = planner;
            before = List.copyOf(waiting);
            waiting.clear();
        }
        before.forEach(planner);
    }

    /** The tracked cases segmentation should keep its assignments in, watched for stage changes. */
    public TrackedCases watching(TrackedCases tracked, Supplier<StrategyBook> book) {
        return new TrackedCases() {
            @Override
            public Optional<TrackedCase> find(String caseId) {
                return tracked.find(caseId);
            }

            @Override
            public boolean replace(Optional<TrackedCase> expected, TrackedCase next) {
                boolean kept = tracked.replace(expected, next);
                if (kept) {
                    String before = expected.map(StrategyStageFollowUps::stageKey).orElse("");
                    String after = stageKey(next);
                    if (!after.isEmpty() && !after.equals(before)) {
                        try {
                            stageEntered(next, book.get());
                        } catch (RuntimeException e) {
                            // segmentation goes on; the stage is planned when the case moves again
                            log.warn("Actions of stage {} of case {} not planned: {}", after, next.caseId(),
                                    e.toString());
                        }
                    }
                }
                return kept;
            }

            @Override
            public List<String> casesOfDebtor(String debtorId) {
                return tracked.casesOfDebtor(debtorId);
            }
        };
    }

    /**
     * Names one entry into a stage: the strategy and the situation, and for a promise's stages which
     * promise it is, so that a second promise (or a second broken one) runs its stage again while
     * attempts and re-segmentations within one stage plan nothing new.
     */
    static String stageKey(TrackedCase tracked) {
        StrategyAssignment assignment = tracked.assignment();
        if (assignment == null) {
            return "";
        }
        CaseSituation situation = assignment.situation();
        String occurrence = "";
        if (situation == CaseSituation.PROMISE_OPEN) {
            occurrence = "#" + tracked.course().promises();
        } else if (situation == CaseSituation.PROMISE_BROKEN) {
            occurrence = "#" + tracked.course().brokenPromises();
        }
        return assignment.strategy() + "/" + situation + occurrence;
    }

    /** The stage's actions follow-ups carry out, in the stage's order; calls left out. */
    static List<StageAction> followUpActions(Stage stage) {
        List<StageAction> actions = new ArrayList<>();
        for (Action action : stage.actions()) {
            taskKindOf(action).ifPresent(kind -> actions.add(new StageAction(kind, action.template(), action.cost())));
        }
        return actions;
    }

    private static Optional<TaskKind> taskKindOf(Action action) {
        switch (action.kind()) {
            case SMS:
                return Optional.of(TaskKind.SMS);
            case EMAIL:
                return Optional.of(TaskKind.EMAIL);
            case LETTER:
                return Optional.of(TaskKind.LETTER);
            case AGENCY:
                return Optional.of(TaskKind.AGENCY);
            default:
                return Optional.empty(); // CALL: the dialer's
        }
    }

    private void stageEntered(TrackedCase tracked, StrategyBook book) {
        StrategyAssignment assignment = tracked.assignment();
        Optional<Stage> stage = book.strategy(assignment.strategy()).map(s -> s.stageFor(assignment.situation()));
        if (stage.isEmpty()) {
            return; // the strategy left the book in a reload: its stage has nothing to carry out any more
        }
        List<StageAction> actions = followUpActions(stage.get());
        if (actions.isEmpty()) {
            return;
        }
        StageEntered entered = new StageEntered(tracked.caseId(), tracked.debtorId(), tracked.campaignId(),
                assignment.strategy(), stageKey(tracked), assignment.assignedAt(), actions);
        Consumer<StageEntered> planner;
        synchronized (lock) {
            planner = engine;
            if (planner == null) {
                waiting.add(entered);
                return;
            }
        }
        planner.accept(entered);
    }
}
