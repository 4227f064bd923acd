package dev.collector.followups.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collector.followups.task.TaskKind;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class RuleBookLoaderTest {

    @Test
    void the_built_in_rules_load_with_a_default_strategy() {
        RuleBook book = RuleBookLoader.builtIn();
        assertThat(book.rulesFor("any-campaign")).extracting(FollowUpRule::name).contains("promise-confirmation",
                "promise-reminder", "no-contact-email", "refusal-letter", "broken-promise-call");
        FollowUpRule reminder = book.rulesFor("x").stream().filter(r -> r.name().equals("promise-reminder")).findFirst()
                .orElseThrow();
        assertThat(reminder.timing()).isEqualTo(new Timing.BeforePromiseDate(1, LocalTime.of(10, 0)));
        assertThat(reminder.kind()).isEqualTo(TaskKind.SMS);
        assertThat(reminder.sla()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void rules_may_react_to_every_disposition_of_the_agents_form() {
        RuleBook book = RuleBookLoader.parse("""
                {"strategies": {"default": [
                  {"name": "receipt", "on": "PAYMENT_TAKEN", "channel": "SMS", "template": "promise-confirmation",
                   "when": "immediately", "sla": "PT4H"},
                  {"name": "confirm-cease", "on": "CEASE_CONTACT", "channel": "LETTER", "queue": "compliance",
                   "when": "immediately", "sla": "P2D"},
                  {"name": "estate", "on": "DECEASED", "channel": "LETTER", "queue": "estates",
                   "when": "immediately", "sla": "P5D"},
                  {"name": "third-party-call", "on": "THIRD_PARTY", "channel": "CALL", "queue": "agent:{agent}",
                   "when": "next morning at 09:00", "sla": "PT8H"}
                ]}}""", "test");
        assertThat(book.rulesFor("any")).extracting(r -> ((Trigger.OnDisposition) r.trigger()).code())
                .containsExactly("PAYMENT_TAKEN", "CEASE_CONTACT", "DECEASED", "THIRD_PARTY");
    }

    @Test
    void a_strategy_of_its_own_overrides_the_default_for_its_campaign() {
        RuleBook book = RuleBookLoader.parse("""
                {"strategies": {"default": [],
                 "late-stage": [{"name": "letter", "on": "REFUSED", "channel": "LETTER", "queue": "legal",
                                 "when": "after PT2H", "sla": "P5D"}]}}""", "test");
        assertThat(book.rulesFor("late-stage")).singleElement().satisfies(r -> {
            assertThat(r.queue()).isEqualTo("legal");
            assertThat(r.timing()).isEqualTo(new Timing.After(Duration.ofHours(2)));
        });
        assertThat(book.rulesFor("early-stage")).isEmpty();
    }

    @Test
    void every_problem_is_reported_naming_its_strategy_rule_and_field() {
        assertThatThrownBy(() -> RuleBookLoader.parse("""
                {"strategies": {"default": [
                  {"name": "sms", "on": "PROMISED", "channel": "SMS", "template": "t", "when": "immediately", "sla": "PT1H"},
                  {"name": "mail", "on": "REFUSED", "channel": "FAX", "when": "tomorrow", "sla": "1h"},
                  {"name": "call", "on": "ATTEMPTS_WITHOUT_CONTACT", "channel": "CALL", "when": "immediately",
                   "sla": "PT1H", "colour": "red"}
                ]}}""", "rules.json"))
                .isInstanceOf(RuleBookLoader.InvalidRuleBook.class)
                .hasMessageContaining("rules.json")
                .hasMessageContaining("strategy \"default\", rule \"sms\": on: 'PROMISED' is not a disposition code")
                .hasMessageContaining("rule \"mail\": channel: 'FAX' is not one of SMS, EMAIL, LETTER, CALL")
                .hasMessageContaining("rule \"mail\": when: 'tomorrow'")
                .hasMessageContaining("rule \"mail\": sla: '1h' is not an ISO-8601 duration")
                .hasMessageContaining("rule \"call\": attempts: a whole number")
                .hasMessageContaining("rule \"call\": queue: required for CALL")
                .hasMessageContaining("rule \"call\": colour: unknown field");
    }

    @Test
    void a_rule_book_without_a_default_strategy_is_refused() {
        assertThatThrownBy(() -> RuleBookLoader.parse("{\"strategies\": {\"late\": []}}", "r.json"))
                .hasMessageContaining("a \"default\" strategy is required");
    }
}
