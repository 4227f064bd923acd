package dev.collector.compliance.ledger;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the guard needs to know about past contact with one debtor, across all campaigns:
 * attempts and conversations per debt, abandoned calls per number, holds, and the call in
 * progress. Immutable: every change returns a new record, so it can be replaced atomically in a
 * shared map. Entries older than any rule looks back are pruned when the record changes.
 */
public final class ContactRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    public static ContactRecord empty(String debtorId) {
        throw new UnsupportedOperationException("TODO");
    }

    public String debtorId() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Attempts about this debt, oldest first (only those not yet pruned). */
    public List<Instant> attemptsOnDebt(String claimId) {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<Instant> lastConversationOnDebt(String claimId) {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<Instant> lastAbandonOn(String phoneNumber) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Holds in force on the debtor, on any debt and on any number. */
    public Set<Hold> holds() {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<ActiveDial> activeDial() {
        throw new UnsupportedOperationException("TODO");
    }

    /** A call is being placed about these debts: counted as an attempt on each, and marked active. */
    public ContactRecord withDialStarted(ActiveDial dial, Collection<String> claimIds) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The call ended (or its node died): the debtor may be dialed again. Unknown attempt ids are ignored. */
    public ContactRecord withDialEnded(String attemptId) {
        throw new UnsupportedOperationException("TODO");
    }

    /** A conversation with the debtor about these debts (Reg F: it counts for each debt discussed). */
    public ContactRecord withConversation(Collection<String> claimIds, Instant at) {
        throw new UnsupportedOperationException("TODO");
    }

    public ContactRecord withAbandon(String phoneNumber, Instant at) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Places a hold; placing the same hold again changes nothing. */
    public ContactRecord withHold(Hold hold) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Lifts the hold with the same reason and subject, if any. */
    public ContactRecord withoutHold(HoldReason reason, String subject) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Drops attempts, conversations and abandons older than the cut-off. */
    public ContactRecord prunedBefore(Instant cutoff) {
        throw new UnsupportedOperationException("TODO");
    }
}
