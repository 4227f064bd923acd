package dev.collector.followups.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.followups.stages.StageAction;
import dev.collector.followups.stages.StageEntered;
import dev.collector.followups.task.TaskKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingPlansTest {

    @Test
    void a_stage_whose_planning_failed_is_planned_again_after_a_restart_beside_outcomes(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("pending.journal");
        StageEntered stage = new StageEntered("case-1", "debtor-1", "spring", "sms-first", "sms-first/NEW",
                Instant.parse("2026-11-23T10:00:00.123456789Z"), List.of(
                        new StageAction(TaskKind.SMS, "payment-reminder", new BigDecimal("0.05")),
                        new StageAction(TaskKind.AGENCY, "", new BigDecimal("25.00"))));
        Outcome refusal = new Outcome("attempt-1", "case-1", "spring", "debtor-1", "agent-07", new Disposition.Refused(),
                "", Instant.parse("2026-11-23T10:00:00Z"));
        try (PendingPlans plans = PendingPlans.open(Optional.of(file))) {
            plans.failed(refusal);
            plans.failed(stage);
            plans.failed(stage); // a second failure of the same stage is kept once
        }

        try (PendingPlans reopened = PendingPlans.open(Optional.of(file))) {
            assertThat(reopened.recovered()).containsExactly(refusal, stage);
            reopened.planned(stage);
            reopened.planned(refusal);
            assertThat(reopened.size()).isZero();
        }
        try (PendingPlans emptied = PendingPlans.open(Optional.of(file))) {
            assertThat(emptied.recovered()).isEmpty();
        }
    }
}
