package dev.collector.crmbridge.updates;

import com.google.protobuf.InvalidProtocolBufferException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.collector.protos.v1.UpdateCaseRequest;
import dev.collector.protos.v1.UpdateCaseResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The updates applied to each case, by the CRM's update id, kept for a week in the cluster: long
 * enough for any CRM retry, short enough not to grow without bound. Updates of one case are applied
 * one at a time across the cluster, so that a resend racing its original is still applied once, and
 * two updates of one case (a payment and a new number) do not overwrite each other's version of it.
 */
public final class AppliedUpdates {

    public static final String MAP = "applied-case-updates";
    /** Separate from {@link #MAP}: a lock on a key would also block writes of that key. */
    public static final String LOCKS = "case-update-locks";
    public static final Duration KEPT = Duration.ofDays(7);
    /** Updates of one case come rarely; a longer wait means something is stuck. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    /** A member that dies while updating frees the case after this. */
    private static final Duration LOCK_LEASE = Duration.ofMinutes(1);

    private final IMap<String, AppliedUpdate> applied;
    private final IMap<String, Boolean> locks;

    public AppliedUpdates(HazelcastInstance hazelcast) {
        this.applied = hazelcast.getMap(MAP);
        this.locks = hazelcast.getMap(LOCKS);
    }

    /** Thrown when another update of the case holds it for longer than we wait. */
    static final class CaseBusy extends RuntimeException {
        CaseBusy(String caseId) {
            super("another update of case " + caseId + " is still being applied");
        }
    }

    /**
     * Runs the work while no other update of the case runs anywhere in the cluster. Blocks the
     * calling thread (the lock belongs to it), so never call it from an event loop.
     *
     * @throws CaseBusy when the case stays locked for longer than we wait
     */
    <T> T whileUpdating(String caseId, Supplier<T> work) {
        boolean locked;
        try {
            locked = locks.tryLock(caseId, LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS,
                    LOCK_LEASE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaseBusy(caseId);
        }
        if (!locked) {
            throw new CaseBusy(caseId);
        }
        try {
            return work.get();
        } finally {
            try {
                locks.unlock(caseId);
            } catch (IllegalMonitorStateException leaseRanOut) {
                // The work outlasted the lock's lease; another update may already have it.
            }
        }
    }

    Optional<AppliedUpdate> find(String caseId, String updateId) {
        return Optional.ofNullable(applied.get(keyOf(caseId, updateId)));
    }

    void remember(UpdateCaseRequest request, UpdateCaseResponse response) {
        applied.set(keyOf(request.getCaseId(), request.getUpdateId()),
                new AppliedUpdate(request.toByteArray(), response.toByteArray()), KEPT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether a request with an applied update's id is that update again, not another change under its id. */
    static boolean isResendOf(UpdateCaseRequest request, AppliedUpdate earlier) {
        try {
            return UpdateCaseRequest.parseFrom(earlier.request()).equals(request);
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    static UpdateCaseResponse replyOf(AppliedUpdate earlier) {
        try {
            return UpdateCaseResponse.parseFrom(earlier.response());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the kept reply to an update cannot be read", e);
        }
    }

    private static String keyOf(String caseId, String updateId) {
        return caseId + "/" + updateId;
    }
}
