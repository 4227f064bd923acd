package dev.collector.casequeue.transitions;

import com.hazelcast.map.EntryProcessor;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.domain.casework.Case;
import java.io.Serializable;
import java.util.Map;

/**
 * Admits a case or a newer version of it. {@code offeredTicket} is the ticket of a queue entry the
 * caller offered just before (0 if none): a new or waiting case takes it, so its queue entry
 * carries the new rank; a case elsewhere in the flow only gets the newer data. A version older
 * than the one held is refused here, where the check and the change are one atomic step.
 */
public final class AdmitCase implements EntryProcessor<String, CaseEntry, AdmitCase.Result> {

    private final Case aCase;
    private final long offeredTicket;
    private final long rank;

    public AdmitCase(Case aCase, long offeredTicket, long rank) {
        this.aCase = aCase;
        this.offeredTicket = offeredTicket;
        this.rank = rank;
    }

    @Override
    public Result process(Map.Entry<String, CaseEntry> entry) {
        CaseEntry current = entry.getValue();
        if (current == null) {
            if (offeredTicket == 0) {
                throw new IllegalStateException("a new case needs a queue ticket");
            }
            entry.setValue(CaseEntry.waiting(aCase, offeredTicket, rank));
            return new Result(true, true, 0);
        }
        if (!aCase.mayReplace(current.aCase())) {
            return new Result(false, false, current.aCase().version());
        }
        CaseEntry newer = current.withCase(aCase, rank);
        // A held case is looked at again: the newer version may bring a number or lift a reason.
        if ((current.status() == CaseStatus.WAITING || current.status() == CaseStatus.HELD) && offeredTicket != 0) {
            newer = newer.requeued(offeredTicket, rank, current.status() == CaseStatus.HELD ? "updated by the CRM" : current.reason());
        }
        entry.setValue(newer);
        return new Result(true, false, current.aCase().version());
    }

    /**
     * @param admitted    false when the version held is newer (nothing changed)
     * @param isNew       the case was not in the call list before
     * @param heldVersion the version held before (0 for a new or unversioned case)
     */
    public record Result(boolean admitted, boolean isNew, long heldVersion) implements Serializable {
    }
}
