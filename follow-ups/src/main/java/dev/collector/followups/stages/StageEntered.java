package dev.collector.followups.stages;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A case entered a stage of its strategy, with the stage's actions that follow-ups carry out (the
 * calls left out).
 *
 * @param stageKey  names this entry into the stage, e.g. {@code sms-first/NEW} or
 *                  {@code standard/PROMISE_OPEN#2} (the second promise): the same key plans nothing
 *                  new, so a stage is carried out once per case whoever reports it and however often
 * @param enteredAt when segmentation moved the case there; the tasks are due from then
 */
public record StageEntered(String caseId, String debtorId, String campaignId, String strategy, String stageKey,
        Instant enteredAt, List<StageAction> actions) {

    public StageEntered {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(debtorId, "debtorId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(stageKey, "stageKey");
        Objects.requireNonNull(enteredAt, "enteredAt");
        actions = List.copyOf(actions);
        if (caseId.isBlank()) {
            throw new IllegalArgumentException("caseId: must not be blank");
        }
        if (stageKey.isBlank()) {
            throw new IllegalArgumentException("stageKey: must not be blank");
        }
    }
}
