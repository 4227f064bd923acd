package dev.collector.crmbridge.updates;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.protos.v1.CaseStatus;
import java.util.concurrent.CompletionStage;

/**
 * Where a case stands in its call list, as the CRM is told after an update or a cancellation. Read
 * from the call list's own case map: the domain's {@code CallList} deliberately tells only the case,
 * not the dialer's state of it.
 */
public final class CaseStatuses {

    private final IMap<String, CaseEntry> cases;

    public CaseStatuses(HazelcastInstance hazelcast) {
        this.cases = hazelcast.getMap(HazelcastCallList.CASES);
    }

    /** {@link CaseStatus#CASE_STATUS_UNSPECIFIED} for a case the call list does not know. */
    public CompletionStage<CaseStatus> of(String caseId) {
        return cases.getAsync(caseId).thenApply(entry -> entry == null ? CaseStatus.CASE_STATUS_UNSPECIFIED
                : onTheWire(entry.status()));
    }

    static CaseStatus onTheWire(dev.collector.casequeue.entry.CaseStatus status) {
        switch (status) {
            case WAITING:
                return CaseStatus.CASE_STATUS_WAITING;
            case SCHEDULED:
                return CaseStatus.CASE_STATUS_SCHEDULED;
            case LEASED:
                return CaseStatus.CASE_STATUS_LEASED;
            case HELD:
                return CaseStatus.CASE_STATUS_HELD;
            case CLOSED:
                return CaseStatus.CASE_STATUS_CLOSED;
            default:
                throw new IllegalArgumentException("no wire status for " + status);
        }
    }
}
