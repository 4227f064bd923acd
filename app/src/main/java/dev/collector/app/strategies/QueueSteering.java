package dev.collector.app.strategies;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.domain.casework.Case;
import dev.collector.strategies.dialing.QueuePriority;
import dev.collector.strategies.segmentation.StrategyAssignment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The call list following each case's strategy stage: the queue priority of its call action, or
 * not dialed while its stage has no call ({@link ApplyCallStep}).
 */
final class QueueSteering {

    private final IMap<String, CaseEntry> cases;
    private final Clock clock;
    private final Duration parkFor;

    /**
     * @param parkFor how long a case whose stage has no call waits before it is looked at again
     *                (unless a stage with a call comes first): a safety net for a rules file
     *                changed under it, which no event of the case would tell
     */
    QueueSteering(HazelcastInstance hazelcast, Clock clock, Duration parkFor) {
        this.cases = hazelcast.getMap(HazelcastCallList.CASES);
        this.clock = clock;
        this.parkFor = parkFor;
    }

    /** Applies the assignment in force to the case in the call list. Blocks for one round trip. */
    boolean follow(String caseId, StrategyAssignment assignment) {
        Instant now = clock.instant();
        return cases.executeOnKey(caseId, new ApplyCallStep(assignment.call(),
                assignment.strategy() + "/" + assignment.situation(), now, now.plus(parkFor), LocalDate.now(clock)));
    }

    /** A case about to be admitted, with the priority its stage's call gives it (unchanged without a call). */
    static Case prioritized(Case aCase, StrategyAssignment assignment) {
        return assignment.call().map(call -> ApplyCallStep.withPriority(aCase, QueuePriority.of(aCase.priority(), call)))
                .orElse(aCase);
    }
}
