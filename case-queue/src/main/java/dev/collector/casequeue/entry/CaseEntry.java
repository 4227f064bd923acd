package dev.collector.casequeue.entry;

import dev.collector.casequeue.retry.NextStep;
import dev.collector.domain.casework.Case;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A case and where it stands, as kept in the shared case map. Immutable: each transition returns
 * a new entry, applied atomically on the member owning the key. The JavaBean-style getters exist
 * for Hazelcast's indexes and queries (status, campaign, due time, lease holder).
 */
public final class CaseEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Case aCase;
    private final CaseStatus status;
    /** Identifies the queue entry that stands for this case while WAITING; older entries are stale. */
    private final long ticket;
    private final long rank;
    private final long dueAtMillis;
    private final String reason;
    private final int attempts;
    private final boolean callbackRequested;
    private final String leaseHolder;
    private final String attemptId;
    private final String phoneNumber;
    private final long leaseExpiresAtMillis;
    private final boolean awaitingDisposition;

    private CaseEntry(Case aCase, CaseStatus status, long ticket, long rank, long dueAtMillis, String reason,
                      int attempts, boolean callbackRequested, String leaseHolder, String attemptId,
                      String phoneNumber, long leaseExpiresAtMillis, boolean awaitingDisposition) {
        this.aCase = Objects.requireNonNull(aCase, "aCase");
        this.status = Objects.requireNonNull(status, "status");
        this.ticket = ticket;
        this.rank = rank;
        this.dueAtMillis = dueAtMillis;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.attempts = attempts;
        this.callbackRequested = callbackRequested;
        this.leaseHolder = leaseHolder;
        this.attemptId = attemptId;
        this.phoneNumber = phoneNumber;
        this.leaseExpiresAtMillis = leaseExpiresAtMillis;
        this.awaitingDisposition = awaitingDisposition;
    }

    public static CaseEntry waiting(Case aCase, long ticket, long rank) {
        return new CaseEntry(aCase, CaseStatus.WAITING, ticket, rank, Long.MAX_VALUE, "admitted", 0, false,
                null, null, null, 0, false);
    }

    // --- transitions -------------------------------------------------------------------------

    /** A newer version of the case from the CRM: same place in the flow, new rank. */
    public CaseEntry withCase(Case newer, long newRank) {
        return new CaseEntry(newer, status, ticket, newRank, dueAtMillis, reason, attempts, callbackRequested,
                leaseHolder, attemptId, phoneNumber, leaseExpiresAtMillis, awaitingDisposition);
    }

    public CaseEntry requeued(long newTicket, long newRank, String why) {
        return new CaseEntry(aCase, CaseStatus.WAITING, newTicket, newRank, Long.MAX_VALUE, why, attempts,
                callbackRequested, null, null, null, 0, false);
    }

    /** The dialer never placed the call: the case waits again and the attempt is not counted. */
    public CaseEntry notDialed(long newTicket, long newRank) {
        return new CaseEntry(aCase, CaseStatus.WAITING, newTicket, newRank, Long.MAX_VALUE, "not dialed",
                phoneNumber == null ? attempts : attempts - 1, callbackRequested, null, null, null, 0, false);
    }

    /** Taken from the queue by a dialer, before the guard has spoken; the phone is chosen by the guard. */
    public CaseEntry leased(String holder, String newAttemptId, Instant expiresAt) {
        return new CaseEntry(aCase, CaseStatus.LEASED, ticket, rank, Long.MAX_VALUE, "leased", attempts,
                callbackRequested, holder, newAttemptId, null, expiresAt.toEpochMilli(), false);
    }

    /** The guard permitted the call: it counts as an attempt from now. */
    public CaseEntry dialing(String number) {
        return new CaseEntry(aCase, CaseStatus.LEASED, ticket, rank, Long.MAX_VALUE, "dialing", attempts + 1,
                false, leaseHolder, attemptId, number, leaseExpiresAtMillis, false);
    }

    public CaseEntry renewed(Instant expiresAt) {
        return new CaseEntry(aCase, status, ticket, rank, dueAtMillis, reason, attempts, callbackRequested,
                leaseHolder, attemptId, phoneNumber, expiresAt.toEpochMilli(), awaitingDisposition);
    }

    public CaseEntry awaitingDisposition() {
        return new CaseEntry(aCase, status, ticket, rank, dueAtMillis, "awaiting disposition", attempts,
                callbackRequested, leaseHolder, attemptId, phoneNumber, leaseExpiresAtMillis, true);
    }

    public CaseEntry scheduled(Instant dueAt, String why, boolean callback) {
        return new CaseEntry(aCase, CaseStatus.SCHEDULED, ticket, rank, dueAt.toEpochMilli(), why, attempts,
                callback, null, null, null, 0, false);
    }

    public CaseEntry held(String why) {
        return new CaseEntry(aCase, CaseStatus.HELD, ticket, rank, Long.MAX_VALUE, why, attempts, false,
                null, null, null, 0, false);
    }

    public CaseEntry closed(String why) {
        return new CaseEntry(aCase, CaseStatus.CLOSED, ticket, rank, Long.MAX_VALUE, why, attempts, false,
                null, null, null, 0, false);
    }

    /** Where the retry schedule sends the case after a call or a disposition. */
    public CaseEntry following(NextStep step) {
        if (step instanceof NextStep.Retry retry) {
            return scheduled(retry.at(), retry.why(), retry.callback());
        }
        if (step instanceof NextStep.Hold hold) {
            return held(hold.why());
        }
        return closed(((NextStep.Close) step).why());
    }

    /** A cancelled case whose call is still in progress keeps its lease until the call ends. */
    public CaseEntry cancelledDuringCall(String why) {
        return new CaseEntry(aCase, status, ticket, rank, dueAtMillis, "cancelled: " + why, attempts,
                callbackRequested, leaseHolder, attemptId, phoneNumber, leaseExpiresAtMillis, awaitingDisposition);
    }

    // --- reading ------------------------------------------------------------------------------

    public Case aCase() {
        return aCase;
    }

    public CaseStatus status() {
        return status;
    }

    public long ticket() {
        return ticket;
    }

    public long rank() {
        return rank;
    }

    public Optional<Instant> dueAt() {
        return status == CaseStatus.SCHEDULED ? Optional.of(Instant.ofEpochMilli(dueAtMillis)) : Optional.empty();
    }

    /** Why the case is where it is ("admitted", "retry after NO_ANSWER", "CALLING_HOURS"...). */
    public String reason() {
        return reason;
    }

    /** Dials made for this case so far. */
    public int attempts() {
        return attempts;
    }

    public boolean callbackRequested() {
        return callbackRequested;
    }

    public boolean cancelled() {
        return reason.startsWith("cancelled");
    }

    public Optional<String> leaseHolder() {
        return Optional.ofNullable(leaseHolder);
    }

    public Optional<String> attemptId() {
        return Optional.ofNullable(attemptId);
    }

    public Optional<String> phoneNumber() {
        return Optional.ofNullable(phoneNumber);
    }

    public Optional<Instant> leaseExpiresAt() {
        return status == CaseStatus.LEASED ? Optional.of(Instant.ofEpochMilli(leaseExpiresAtMillis)) : Optional.empty();
    }

    public boolean isAwaitingDisposition() {
        return awaitingDisposition;
    }

    public boolean isLeasedBy(String holder, String attempt) {
        return status == CaseStatus.LEASED && holder.equals(leaseHolder) && attempt.equals(attemptId);
    }

    // --- attributes for Hazelcast indexes and predicates --------------------------------------
    // Three indexes are kept (HazelcastMember): every one is updated on every change of every
    // case, and index upkeep was the largest cost of a bulk load. Status and campaign share one
    // index, the maintenance's two questions (which retries fell due, which leases lapsed)
    // share the sorted one, and the third finds a debtor's cases. Indexing only held cases' debtor
    // (all others null) saved 115 MB a million cases, but its CPU cost could not be told apart
    // from this machine's run-to-run noise (47-63 µs a case for the same code), so it waits.

    /** The index key of the cases of one campaign in one status. */
    public static String campaignStatus(String campaignId, CaseStatus status) {
        return status.name() + ' ' + campaignId;
    }

    public String getCampaignStatus() {
        return campaignStatus(aCase.campaignId(), status);
    }

    /**
     * When the maintenance must look at the case next: a retry's due time, a lease's end; never
     * for the other states.
     */
    public long getWakeAtMillis() {
        switch (status) {
            case SCHEDULED:
                return dueAtMillis;
            case LEASED:
                return leaseExpiresAtMillis;
            default:
                // One value for all of them: spreading them over 4096 values near the maximum (to
                // keep each value's skip list of keys short) made admissions cost more, not less.
                return Long.MAX_VALUE;
        }
    }

    public String getStatus() {
        return status.name();
    }

    public String getCampaignId() {
        return aCase.campaignId();
    }

    public String getDebtorId() {
        return aCase.debtor().debtorId();
    }

    public long getDueAtMillis() {
        return dueAtMillis;
    }

    public String getLeaseHolder() {
        return leaseHolder == null ? "" : leaseHolder;
    }

    @Override
    public String toString() {
        return "CaseEntry[" + aCase.caseId() + " " + status + " " + reason + " attempts=" + attempts
                + (leaseHolder == null ? "" : " holder=" + leaseHolder + " attempt=" + attemptId) + "]";
    }
}
