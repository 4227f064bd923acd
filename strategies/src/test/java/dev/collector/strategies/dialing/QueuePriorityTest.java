package dev.collector.strategies.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collector.domain.campaign.DialMode;
import dev.collector.strategies.book.CaseSituation;
import dev.collector.strategies.segmentation.StrategyAssignment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueuePriorityTest {

    @Test
    void the_call_priority_ranks_first_and_the_crm_priority_breaks_ties() {
        int urgentLowCrm = QueuePriority.of(1, new CallStep(DialMode.PREDICTIVE, 9));
        int urgentHighCrm = QueuePriority.of(3, new CallStep(DialMode.PREDICTIVE, 9));
        int gentleTopCrm = QueuePriority.of(999, new CallStep(DialMode.PROGRESSIVE, 8));

        assertThat(urgentHighCrm).isGreaterThan(urgentLowCrm).isGreaterThan(gentleTopCrm);
    }

    @Test
    void a_folded_priority_folded_again_keeps_the_crms_part() {
        int once = QueuePriority.of(42, new CallStep(DialMode.PREVIEW, 7));
        int again = QueuePriority.of(once, new CallStep(DialMode.PREVIEW, 3));

        assertThat(QueuePriority.crmPart(once)).isEqualTo(42);
        assertThat(again).isEqualTo(3042);
        assertThat(QueuePriority.crmPart(-5)).isZero();
    }

    @Test
    void a_call_step_out_of_range_names_the_field() {
        assertThatThrownBy(() -> new CallStep(DialMode.PREVIEW, 101)).hasMessageContaining("priority: must be from 0 to 100");
    }

    @Test
    void the_assignment_names_its_stages_first_call_or_none() {
        StrategyAssignment calls = assignment(List.of("SMS", "CALL/PREVIEW/8", "CALL/PREDICTIVE/2"));
        StrategyAssignment texts = assignment(List.of("SMS", "LETTER"));

        assertThat(calls.call()).contains(new CallStep(DialMode.PREVIEW, 8));
        assertThat(texts.call()).isEmpty();
    }

    private static StrategyAssignment assignment(List<String> actions) {
        return new StrategyAssignment("c1", "rest", "standard", true, CaseSituation.NEW, actions, "admitted",
                Instant.parse("2026-11-23T10:00:00Z"));
    }
}
