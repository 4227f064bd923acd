package dev.collector.strategies.book;

import java.util.List;
import java.util.Objects;

/** A named way to work cases: one stage per situation the strategy cares about, in the order given. */
public record Strategy(String name, List<Stage> stages) {

    public Strategy {
        Objects.requireNonNull(name, "name");
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("strategy " + name + " needs at least one stage");
        }
    }

    /**
     * The stage for the case's situation; the first stage when the strategy names none for it, so
     * that a strategy written for new cases only still says what to do with every case.
     */
    public Stage stageFor(CaseSituation situation) {
        for (Stage stage : stages) {
            if (stage.on() == situation) {
                return stage;
            }
        }
        return stages.get(0);
    }

    /**
     * What one call costs under this strategy in the situation: the stage's first call action, else
     * the strategy's first call action anywhere (the dialer called anyway), else zero.
     */
    public java.math.BigDecimal callCost(CaseSituation situation) {
        for (Action action : stageFor(situation).actions()) {
            if (action.kind() == ActionKind.CALL) {
                return action.cost();
            }
        }
        for (Stage stage : stages) {
            for (Action action : stage.actions()) {
                if (action.kind() == ActionKind.CALL) {
                    return action.cost();
                }
            }
        }
        return java.math.BigDecimal.ZERO;
    }
}
