package dev.collector.strategies.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.strategies.book.CaseSituation;
import dev.collector.strategies.book.StrategyBook;
import dev.collector.strategies.book.StrategyBookLoader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentingCasesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    /** No challengers, so the arm never hides which segment a case is in. */
    private final StrategyBook book = StrategyBookLoader.parse("""
            { "seed": 1,
              "strategies": {
                "call": { "stages": [
                  { "on": "NEW", "actions": [ { "do": "CALL", "mode": "PROGRESSIVE", "priority": 5, "cost": 0.6 } ] },
                  { "on": "PROMISE_BROKEN", "actions": [ { "do": "CALL", "mode": "PREVIEW", "priority": 9, "cost": 1.2 },
                                                         { "do": "LETTER", "template": "broken", "cost": 1.1 } ] } ] },
                "care": { "stages": [ { "on": "NEW", "actions": [ { "do": "CALL", "mode": "PREVIEW", "cost": 1.5 } ] } ] },
                "agency": { "stages": [ { "on": "NEW", "actions": [ { "do": "AGENCY", "cost": 25 } ] } ] },
                "letters": { "stages": [ { "on": "NEW", "actions": [ { "do": "LETTER", "template": "l", "cost": 1 } ] } ] }
              },
              "segments": [
                { "name": "disputed", "when": { "disputed": true }, "champion": "letters" },
                { "name": "vip", "when": { "flags": { "all": ["VIP"] } }, "champion": "care" },
                { "name": "breakers", "when": { "brokenPromises": { "min": 2 } }, "champion": "agency" },
                { "name": "cards-low-score", "when": { "product": ["CARD"], "score": { "max": 400 } }, "champion": "agency" },
                { "name": "late-large", "when": { "daysPastDue": { "min": 90 }, "amountDue": { "min": 1000 } },
                  "champion": "care" },
                { "name": "rest", "champion": "call" } ] }
            """, "test");

    private final AssigningStrategy assigning = new AssigningStrategy(() -> book, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_fresh_small_case_falls_to_the_catch_all() {
        StrategyAssignment a = assigning.assign(aCase("c1", 10, "200.00", Set.of()), CaseCourse.fresh("c1"), "admitted");

        assertThat(a.segment()).isEqualTo("rest");
        assertThat(a.strategy()).isEqualTo("call");
        assertThat(a.champion()).isTrue();
        assertThat(a.situation()).isEqualTo(CaseSituation.NEW);
        assertThat(a.nextActions()).containsExactly("CALL/PROGRESSIVE/5");
    }

    @Test
    void days_past_due_and_amount_bounds_are_inclusive() {
        assertThat(segmentOf(aCase("c2", 90, "1000.00", Set.of()), CaseCourse.fresh("c2"))).isEqualTo("late-large");
        assertThat(segmentOf(aCase("c3", 89, "5000.00", Set.of()), CaseCourse.fresh("c3"))).isEqualTo("rest");
        assertThat(segmentOf(aCase("c4", 200, "999.99", Set.of()), CaseCourse.fresh("c4"))).isEqualTo("rest");
    }

    @Test
    void segments_are_tried_in_order_so_a_vip_in_late_large_is_a_vip() {
        assertThat(segmentOf(aCase("c5", 120, "5000.00", Set.of("VIP")), CaseCourse.fresh("c5"))).isEqualTo("vip");
    }

    @Test
    void product_and_score_come_from_the_crm_flags() {
        assertThat(segmentOf(aCase("c6", 5, "50", Set.of("PRODUCT_CARD", "SCORE_350")), CaseCourse.fresh("c6")))
                .isEqualTo("cards-low-score");
        assertThat(segmentOf(aCase("c7", 5, "50", Set.of("PRODUCT_CARD", "SCORE_650")), CaseCourse.fresh("c7")))
                .isEqualTo("rest");
        // no score at all: a condition on the score does not hold
        assertThat(segmentOf(aCase("c8", 5, "50", Set.of("PRODUCT_CARD")), CaseCourse.fresh("c8"))).isEqualTo("rest");
    }

    @Test
    void a_second_broken_promise_moves_the_case_and_a_dispute_overrides_everything() {
        Case aCase = aCase("c9", 30, "300", Set.of());
        CaseCourse course = CaseCourse.fresh("c9").attempted(true).promised().promiseBroken();
        StrategyAssignment once = assigning.assign(aCase, course, "promise broken");
        assertThat(once.segment()).isEqualTo("rest");
        assertThat(once.situation()).isEqualTo(CaseSituation.PROMISE_BROKEN);
        assertThat(once.nextActions()).containsExactly("CALL/PREVIEW/9", "LETTER");

        course = course.promised().promiseBroken();
        assertThat(assigning.assign(aCase, course, "promise broken").segment()).isEqualTo("breakers");

        course = course.disputed(true);
        StrategyAssignment disputed = assigning.assign(aCase, course, "dispute opened");
        assertThat(disputed.segment()).isEqualTo("disputed");
        assertThat(disputed.situation()).isEqualTo(CaseSituation.DISPUTED);
        // a strategy without a DISPUTED stage falls back to its first stage
        assertThat(disputed.nextActions()).containsExactly("LETTER");
    }

    @Test
    void the_situation_follows_the_course() {
        CaseCourse course = CaseCourse.fresh("c");
        assertThat(course.situation()).isEqualTo(CaseSituation.NEW);
        assertThat((course = course.attempted(false)).situation()).isEqualTo(CaseSituation.NO_CONTACT);
        assertThat((course = course.attempted(true)).situation()).isEqualTo(CaseSituation.CONTACTED);
        assertThat((course = course.promised()).situation()).isEqualTo(CaseSituation.PROMISE_OPEN);
        assertThat((course = course.promiseBroken()).situation()).isEqualTo(CaseSituation.PROMISE_BROKEN);
        assertThat((course = course.paid(new BigDecimal("20"))).situation()).isEqualTo(CaseSituation.CONTACTED);
        assertThat(course.collected()).isEqualByComparingTo("20");
    }

    private String segmentOf(Case aCase, CaseCourse course) {
        return assigning.assign(aCase, course, "test").segment();
    }

    private static Case aCase(String id, int daysPastDue, String amount, Set<String> flags) {
        return new Case(id, "camp", new Debtor("d-" + id, "Debtor " + id),
                List.of(new Claim(id + "-1", new BigDecimal(amount), "EUR", TODAY.minusDays(daysPastDue))),
                List.of("+420601000001"), ZoneId.of("UTC"), 0, NOW, 0, "", flags);
    }
}
