package dev.collector.strategies.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyBookLoaderTest {

    private static final String STRATEGIES = """
              "strategies": {
                "standard": { "stages": [ { "on": "NEW", "actions": [
                  { "do": "CALL", "mode": "PROGRESSIVE", "priority": 5, "cost": 0.60 } ] } ] },
                "sms-first": { "stages": [ { "on": "NEW", "actions": [
                  { "do": "SMS", "template": "reminder", "cost": 0.05 } ] } ] }
              },
            """;

    @Test
    void the_shipped_example_loads() {
        StrategyBook book = StrategyBookLoader.builtIn();

        assertThat(book.segments()).extracting(Segment::name).endsWith("everyone-else");
        assertThat(book.strategy("standard")).isPresent();
        assertThat(book.seed()).isEqualTo(20261123L);
    }

    @Test
    void a_valid_book_reads_conditions_stages_actions_and_costs() {
        StrategyBook book = StrategyBookLoader.parse("""
                { "seed": 7,
                """ + STRATEGIES + """
                  "segments": [
                    { "name": "early", "when": { "daysPastDue": { "max": 30 }, "amountDue": { "min": 10.5 },
                        "flags": { "none": ["vip"] }, "product": ["card"] },
                      "champion": "standard", "challengers": [ { "strategy": "sms-first", "share": 0.1 } ] },
                    { "name": "rest", "champion": "standard" } ] }
                """, "test");

        Segment early = book.segments().get(0);
        assertThat(early.conditions()).containsExactlyInAnyOrder(
                new Condition.DaysPastDue(new Condition.Range(null, BigDecimal.valueOf(30))),
                new Condition.AmountDue(new Condition.Range(new BigDecimal("10.5"), null)),
                new Condition.Flags(java.util.Set.of(), java.util.Set.of("VIP")),
                new Condition.Product(java.util.Set.of("CARD")));
        assertThat(early.challengers()).containsExactly(new Challenger("sms-first", 0.1));
        Action call = book.strategy("standard").orElseThrow().stageFor(CaseSituation.NEW).actions().get(0);
        assertThat(call.kind()).isEqualTo(ActionKind.CALL);
        assertThat(call.cost()).isEqualByComparingTo("0.60");
        assertThat(call.priority()).isEqualTo(5);
        assertThat(call.mode()).contains(dev.collector.domain.campaign.DialMode.PROGRESSIVE);
    }

    @Test
    void every_mistake_is_reported_with_its_line_column_and_reason() {
        String json = String.join("\n",
                "{ \"seed\": 7,",                                                           // 1
                "  \"strategies\": {",                                                      // 2
                "    \"standard\": { \"stages\": [ { \"on\": \"NEW\", \"actions\": [",      // 3
                "      { \"do\": \"CALL\", \"mode\": \"TURBO\", \"cost\": 0.6 },",          // 4
                "      { \"do\": \"SMS\", \"cost\": -1 } ] } ] }",                          // 5
                "  },",                                                                     // 6
                "  \"segments\": [",                                                        // 7
                "    { \"name\": \"early\", \"when\": { \"daysPastDue\": { \"min\": 30, \"max\": 10 } },", // 8
                "      \"champion\": \"standrad\" },",                                      // 9
                "    { \"name\": \"rest\", \"champion\": \"standard\", \"colour\": \"red\" } ] }"); // 10

        InvalidStrategyBook error = catchThrowableOfType(InvalidStrategyBook.class,
                () -> StrategyBookLoader.parse(json, "rules.json"));

        List<RuleProblem> problems = error.problems();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(23);   // the field's name
            assertThat(p.reason()).contains("mode: 'TURBO' is not one of");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.reason()).contains("cost: must be a number, zero or more");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.reason()).contains("template: required for SMS");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.reason()).contains("daysPastDue: min 30 is above max 10");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.column()).isEqualTo(7);
            assertThat(p.reason()).contains("champion: no strategy named 'standrad'");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.path()).isEqualTo("/segments/1/colour");
            assertThat(p.reason()).contains("colour: unknown field");
        });
        assertThat(problems).hasSize(6);
        assertThat(error.getMessage()).startsWith("rules.json: 6 problems:")
                .contains("line 9, column 7 (/segments/0/champion): champion: no strategy named 'standrad'");
    }

    @Test
    void broken_json_is_reported_at_the_line_where_reading_stopped() {
        assertThatThrownBy(() -> StrategyBookLoader.parse("{ \"seed\": 7,\n  \"segments\": [\n    { \"name\" \"x\" } ] }",
                "rules.json"))
                .isInstanceOf(InvalidStrategyBook.class)
                .hasMessageContaining("line 3, column")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void a_key_given_twice_is_refused_with_its_line() {
        assertThatThrownBy(() -> StrategyBookLoader.parse("{ \"seed\": 7,\n\"seed\": 8 }", "rules.json"))
                .isInstanceOf(InvalidStrategyBook.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("Duplicate field 'seed'");
    }

    @Test
    void the_last_segment_must_take_every_case_and_shares_must_leave_the_champion_some() {
        InvalidStrategyBook error = catchThrowableOfType(InvalidStrategyBook.class, () -> StrategyBookLoader.parse("""
                { "seed": 7,
                """ + STRATEGIES + """
                  "segments": [
                    { "name": "only", "when": { "promises": { "min": 1 } }, "champion": "standard",
                      "challengers": [ { "strategy": "sms-first", "share": 0.6 },
                                       { "strategy": "standard", "share": 0.5 } ] } ] }
                """, "rules.json"));

        assertThat(error.problems()).extracting(RuleProblem::reason).anySatisfy(r -> assertThat(r)
                .contains("the last segment must have no conditions"));
        assertThat(error.problems()).extracting(RuleProblem::reason).anySatisfy(r -> assertThat(r)
                .contains("'standard' is the champion"));
        assertThat(error.problems()).extracting(RuleProblem::line).contains(10, 11);
    }
}
