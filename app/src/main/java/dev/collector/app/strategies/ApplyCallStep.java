package dev.collector.app.strategies;

import com.hazelcast.map.EntryProcessor;
import dev.collector.casequeue.CaseRanking;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.domain.casework.Case;
import dev.collector.strategies.dialing.CallStep;
import dev.collector.strategies.dialing.QueuePriority;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Makes a case in the call list follow its strategy's stage, in one step on the member owning it,
 * from the case as it is there (a CRM update landing at the same moment is not overwritten):
 * <ul>
 * <li>a stage with a call: the case's priority becomes the call's, the CRM's kept second
 *     ({@link QueuePriority}); a waiting case whose priority changed, or one parked for a stage
 *     without a call, is made due now, and the call list's maintenance queues it at its new rank
 *     (within its one-second pass; its old queue entry goes stale);</li>
 * <li>a stage without a call: a waiting case is parked (scheduled, reason {@link #PARKED}) until
 *     {@code parkUntil}, or until a stage with a call comes. A case scheduled for another reason
 *     keeps its time (a promise's follow-up, calling hours), a leased, held or closed one is left as
 *     it is: the dialer's check of each lease ({@link StageAwareDialing}) parks it when it comes up.</li>
 * </ul>
 */
final class ApplyCallStep implements EntryProcessor<String, CaseEntry, Boolean> {

    private static final long serialVersionUID = 1L;
    /** The reason a parked case carries: the wall and the CRM's history show it. */
    static final String PARKED = "strategy stage without a call";

    /** -1: the stage has no call. */
    private final int callPriority;
    private final String callMode;
    private final String stage;
    private final long nowMillis;
    private final long parkUntilMillis;
    private final LocalDate today;

    ApplyCallStep(java.util.Optional<CallStep> call, String stage, Instant now, Instant parkUntil, LocalDate today) {
        this.callPriority = call.map(CallStep::priority).orElse(-1);
        this.callMode = call.map(c -> c.mode().name()).orElse("");
        this.stage = stage;
        this.nowMillis = now.toEpochMilli();
        this.parkUntilMillis = parkUntil.toEpochMilli();
        this.today = today;
    }

    /** @return whether the entry changed */
    @Override
    public Boolean process(Map.Entry<String, CaseEntry> entry) {
        CaseEntry current = entry.getValue();
        if (current == null || current.status() == CaseStatus.CLOSED) {
            return false;
        }
        CaseEntry next = callPriority < 0 ? parked(current) : ranked(current);
        if (next == current) {
            return false;
        }
        entry.setValue(next);
        return true;
    }

    private CaseEntry parked(CaseEntry current) {
        if (current.status() != CaseStatus.WAITING) {
            return current;
        }
        return current.scheduled(Instant.ofEpochMilli(parkUntilMillis), PARKED + " (" + stage + ")",
                current.callbackRequested());
    }

    private CaseEntry ranked(CaseEntry current) {
        Case held = current.aCase();
        int priority = QueuePriority.of(held.priority(), new CallStep(
                dev.collector.domain.campaign.DialMode.valueOf(callMode), callPriority));
        CaseEntry next = current;
        if (priority != held.priority()) {
            Case reprioritized = withPriority(held, priority);
            next = next.withCase(reprioritized, CaseRanking.rankOf(reprioritized, today));
        }
        Instant now = Instant.ofEpochMilli(nowMillis);
        if (current.status() == CaseStatus.SCHEDULED && current.reason().startsWith(PARKED)) {
            return next.scheduled(now, "its strategy's stage calls again (" + stage + ")", current.callbackRequested());
        }
        if (current.status() == CaseStatus.WAITING && next != current) {
            // its queue entry still carries the old rank: a fresh one is offered when it is promoted
            return next.scheduled(now, "ranked anew by its strategy (" + stage + ")", current.callbackRequested());
        }
        return next;
    }

    static Case withPriority(Case c, int priority) {
        return new Case(c.caseId(), c.campaignId(), c.debtor(), c.claims(), c.phoneNumbers(), c.timeZone(), priority,
                c.receivedAt(), c.version(), c.language(), c.flags());
    }
}
