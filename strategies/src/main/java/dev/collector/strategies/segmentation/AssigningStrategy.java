package dev.collector.strategies.segmentation;

import dev.collector.domain.casework.Case;
import dev.collector.strategies.book.Action;
import dev.collector.strategies.book.ActionKind;
import dev.collector.strategies.book.CaseProfile;
import dev.collector.strategies.book.Segment;
import dev.collector.strategies.book.Stage;
import dev.collector.strategies.book.Strategy;
import dev.collector.strategies.book.StrategyBook;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Segments a case and assigns its strategy: the first segment that covers its profile, the arm of
 * that segment's experiment the case falls in, and the stage for the case's situation. Pure: the
 * rules in force come from {@code book} (reloadable), the day from the clock in the case's zone.
 */
public final class AssigningStrategy {

    private final Supplier<StrategyBook> book;
    private final Clock clock;

    public AssigningStrategy(Supplier<StrategyBook> book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    public StrategyAssignment assign(Case aCase, CaseCourse course, String cause) {
        LocalDate today = clock.instant().atZone(aCase.timeZone()).toLocalDate();
        return assign(CaseProfiles.of(aCase, course, today), cause);
    }

    public StrategyAssignment assign(CaseProfile profile, String cause) {
        StrategyBook rules = book.get();
        Segment segment = rules.segmentOf(profile);
        ChallengerSplit.Arm arm = new ChallengerSplit(rules.seed()).armOf(profile.caseId(), segment);
        Strategy strategy = rules.strategy(arm.strategy()).orElseThrow();
        Stage stage = strategy.stageFor(profile.situation());
        return new StrategyAssignment(profile.caseId(), segment.name(), strategy.name(), arm.champion(),
                profile.situation(), describe(stage), cause, clock.instant());
    }

    private static List<String> describe(Stage stage) {
        List<String> actions = new ArrayList<>();
        for (Action action : stage.actions()) {
            if (action.kind() == ActionKind.CALL) {
                actions.add(StrategyAssignment.describeCall(action.mode().map(Enum::name).orElse("PROGRESSIVE"),
                        action.priority()));
            } else {
                actions.add(action.kind().name());
            }
        }
        return actions;
    }
}
