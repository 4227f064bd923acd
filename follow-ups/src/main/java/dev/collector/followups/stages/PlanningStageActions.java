package dev.collector.followups.stages;

import dev.collector.followups.store.CassandraFollowUpStore;
import dev.collector.followups.task.FollowUpTask;
import dev.collector.followups.task.TaskKind;
import dev.collector.followups.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a strategy stage's non-call actions into follow-up tasks, due when the case entered the
 * stage, so that they run like every other follow-up: the durable schedule and its claims, the
 * debtor's contact window, the case's holds (cease contact stops them), retries and the SLA.
 * Task ids derive from the case, the stage key and the action's place in the stage, and tasks are
 * created only if absent: planning the same stage again (another node, a restart, a replay) creates
 * nothing. Each task keeps what its action costs.
 */
public final class PlanningStageActions {

    private static final Logger log = LoggerFactory.getLogger(PlanningStageActions.class);

    /**
     * Where each kind goes and by when, the same terms as the rule book's own tasks: a message by
     * the supervisors if it cannot be sent in time, a letter to the back office and its seniors, a
     * hand-over to the people who deal with agencies.
     */
    private record Terms(String queue, Duration sla, String escalateTo) {
    }

    private static Terms termsOf(TaskKind kind) {
        switch (kind) {
            case SMS:
                return new Terms("back-office", Duration.ofHours(4), "supervisors");
            case EMAIL:
                return new Terms("back-office", Duration.ofDays(1), "supervisors");
            case LETTER:
                return new Terms("back-office", Duration.ofDays(2), "back-office-seniors");
            case AGENCY:
                return new Terms("agency-handover", Duration.ofDays(2), "supervisors");
            default:
                throw new IllegalArgumentException("kind: " + kind + " is not a follow-up of a strategy stage");
        }
    }

    private final CassandraFollowUpStore store;

    public PlanningStageActions(CassandraFollowUpStore store) {
        this.store = store;
    }

    /** @return the tasks it created (none when the stage was planned before) */
    public List<FollowUpTask> stageEntered(StageEntered stage, Instant now) {
        List<FollowUpTask> created = new ArrayList<>();
        for (int i = 0; i < stage.actions().size(); i++) {
            StageAction action = stage.actions().get(i);
            Terms terms = termsOf(action.kind());
            String rule = "strategy:" + stage.stageKey();
            FollowUpTask task = new FollowUpTask("stage/" + stage.caseId() + "/" + stage.stageKey() + "/" + (i + 1)
                    + "-" + action.kind(), stage.caseId(), stage.debtorId(), stage.campaignId(), "", rule,
                    action.kind(), action.template(), terms.queue(), terms.escalateTo(), stage.enteredAt(),
                    stage.enteredAt().plus(terms.sla()), TaskStatus.PENDING, 0, "", Optional.empty(), now);
            boolean isNew = store.create(task, now);
            // after the task, and again on every re-plan (the same value): a crash between the two
            // writes leaves the cost to the next planning, never a cost without its task
            store.recordActionCost(task.taskId(), action.cost());
            if (isNew) {
                created.add(task);
                log.info("Follow-up {} planned for case {} by its strategy: {} due {}", task.taskId(), stage.caseId(),
                        task.kind(), task.dueAt());
            }
        }
        return created;
    }
}
