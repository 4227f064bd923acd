package dev.collector.app.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.collector.followups.stages.StageAction;
import dev.collector.followups.stages.StageEntered;
import dev.collector.followups.task.TaskKind;
import dev.collector.strategies.book.CaseSituation;
import dev.collector.strategies.book.StrategyBook;
import dev.collector.strategies.book.StrategyBookLoader;
import dev.collector.strategies.segmentation.CaseCourse;
import dev.collector.strategies.segmentation.StrategyAssignment;
import dev.collector.strategies.segmentation.TrackedCase;
import dev.collector.strategies.segmentation.TrackedCases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What segmentation's stage changes hand the follow-up engine: the stage's non-call actions, once per stage. */
class StrategyStageFollowUpsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final StrategyBook BOOK = StrategyBookLoader.parse("""
            { "seed": 1,
              "strategies": {
                "letters-early": { "stages": [
                  { "on": "NEW", "actions": [
                    { "do": "SMS", "template": "payment-reminder", "cost": 0.05 },
                    { "do": "CALL", "mode": "PREDICTIVE", "priority": 3, "cost": 0.45 },
                    { "do": "LETTER", "template": "pre-legal-notice", "cost": 1.10 } ] },
                  { "on": "NO_CONTACT", "actions": [
                    { "do": "CALL", "mode": "PREDICTIVE", "priority": 3, "cost": 0.45 } ] },
                  { "on": "PROMISE_OPEN", "actions": [
                    { "do": "SMS", "template": "promise-reminder", "cost": 0.05 } ] },
                  { "on": "PROMISE_BROKEN", "actions": [
                    { "do": "AGENCY", "cost": 25.00 } ] } ] } },
              "segments": [ { "name": "everyone", "champion": "letters-early" } ] }
            """, "test book");

    private final List<StageEntered> planned = new ArrayList<>();
    private final StrategyStageFollowUps stages = new StrategyStageFollowUps();
    private final Store store = new Store();
    private final TrackedCases watched = stages.watching(store, () -> BOOK);

    @Test
    void a_case_entering_a_stage_with_an_sms_a_call_and_a_letter_hands_over_the_sms_and_the_letter_once() {
        stages.attach(planned::add);
        CaseCourse fresh = CaseCourse.fresh("case-1");

        assertThat(change(fresh, CaseSituation.NEW)).isTrue();
        assertThat(planned).singleElement().satisfies(stage -> {
            assertThat(stage.caseId()).isEqualTo("case-1");
            assertThat(stage.debtorId()).isEqualTo("debtor-1");
            assertThat(stage.stageKey()).isEqualTo("letters-early/NEW");
            assertThat(stage.enteredAt()).isEqualTo(NOW);
            assertThat(stage.actions()).extracting(StageAction::kind, StageAction::template)
                    .containsExactly(tuple(TaskKind.SMS, "payment-reminder"), tuple(TaskKind.LETTER, "pre-legal-notice"));
            assertThat(stage.actions()).extracting(StageAction::cost).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("0.05"), new BigDecimal("1.10"));
        });

        // the case is segmented again within its stage (a new version from the CRM): nothing new
        change(fresh, CaseSituation.NEW);
        // a stage with only a call: nothing for follow-ups
        change(fresh.attempted(false), CaseSituation.NO_CONTACT);
        assertThat(planned).hasSize(1);
    }

    @Test
    void each_promise_runs_its_stage_and_a_broken_one_hands_the_case_to_the_agency() {
        stages.attach(planned::add);
        CaseCourse promised = CaseCourse.fresh("case-1").promised();
        change(promised, CaseSituation.PROMISE_OPEN);
        change(promised.attempted(true), CaseSituation.PROMISE_OPEN);
        change(promised.promiseBroken(), CaseSituation.PROMISE_BROKEN);
        change(promised.promiseBroken().promised(), CaseSituation.PROMISE_OPEN);

        assertThat(planned).extracting(StageEntered::stageKey).containsExactly("letters-early/PROMISE_OPEN#1",
                "letters-early/PROMISE_BROKEN#1", "letters-early/PROMISE_OPEN#2");
        assertThat(planned.get(1).actions()).singleElement().satisfies(action -> {
            assertThat(action.kind()).isEqualTo(TaskKind.AGENCY);
            assertThat(action.cost()).isEqualByComparingTo("25.00");
        });
    }

    @Test
    void a_change_another_member_kept_first_hands_over_nothing_and_stages_wait_for_the_engine() {
        CaseCourse fresh = CaseCourse.fresh("case-1");
        store.refuseNext = true;
        assertThat(change(fresh, CaseSituation.NEW)).isFalse();
        assertThat(change(fresh, CaseSituation.NEW)).isTrue();
        assertThat(planned).isEmpty(); // no engine yet

        stages.attach(planned::add);
        assertThat(planned).extracting(StageEntered::stageKey).containsExactly("letters-early/NEW");
    }

    private boolean change(CaseCourse course, CaseSituation situation) {
        Optional<TrackedCase> before = watched.find("case-1");
        StrategyAssignment assignment = new StrategyAssignment("case-1", "everyone", "letters-early", true, situation,
                List.of(), "test", NOW);
        TrackedCase next = new TrackedCase("case-1", "debtor-1", "spring", course, assignment, "")
                .after(before.orElse(null));
        return watched.replace(before, next);
    }

    /** Tracked cases in memory, as the Hazelcast map keeps them: a change is kept only over the revision it read. */
    private static final class Store implements TrackedCases {
        final Map<String, TrackedCase> cases = new HashMap<>();
        boolean refuseNext;

        @Override
        public Optional<TrackedCase> find(String caseId) {
            return Optional.ofNullable(cases.get(caseId));
        }

        @Override
        public boolean replace(Optional<TrackedCase> expected, TrackedCase next) {
            if (refuseNext) {
                refuseNext = false;
                return false;
            }
            long held = find(next.caseId()).map(TrackedCase::revision).orElse(-1L);
            if (held != expected.map(TrackedCase::revision).orElse(-1L)) {
                return false;
            }
            cases.put(next.caseId(), next);
            return true;
        }

        @Override
        public List<String> casesOfDebtor(String debtorId) {
            return List.of();
        }
    }
}
