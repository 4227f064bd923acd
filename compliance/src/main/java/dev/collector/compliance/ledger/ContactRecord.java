package dev.collector.compliance.ledger;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    // Plain JDK collections, copied on every change and never mutated after construction: Hazelcast
    // stores the record with Java serialization, which these survive unchanged.
    private final String debtorId;
    /** Claim id to attempt instants, oldest first. */
    private final HashMap<String, ArrayList<Instant>> attempts;
    /** Claim id to the latest conversation about it: the only one any rule looks at. */
    private final HashMap<String, Instant> conversations;
    /** E.164 number to the latest abandoned call to it. */
    private final HashMap<String, Instant> abandons;
    private final HashSet<Hold> holds;
    /** Null when no call is in progress; exposed as an Optional. */
    private final ActiveDial activeDial;

    private ContactRecord(
            String debtorId,
            HashMap<String, ArrayList<Instant>> attempts,
            HashMap<String, Instant> conversations,
            HashMap<String, Instant> abandons,
            HashSet<Hold> holds,
            ActiveDial activeDial) {
        this.debtorId = debtorId;
        this.attempts = attempts;
        this.conversations = conversations;
        this.abandons = abandons;
        this.holds = holds;
        this.activeDial = activeDial;
    }

    public static ContactRecord empty(String debtorId) {
        Objects.requireNonNull(debtorId, "debtorId");
        return new ContactRecord(debtorId, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashSet<>(), null);
    }

    public String debtorId() {
        return debtorId;
    }

    /** Attempts about this debt, oldest first (only those not yet pruned). */
    public List<Instant> attemptsOnDebt(String claimId) {
        List<Instant> onDebt = attempts.get(claimId);
        return onDebt == null ? List.of() : List.copyOf(onDebt);
    }

    /**
     * Calls placed to this debtor since {@code since} (those not yet pruned), whatever debts they
     * were about: one call is one instant on each of its debts, so distinct instants are calls.
     */
    public int callsSince(Instant since) {
        Set<Instant> calls = new HashSet<>();
        for (List<Instant> onDebt : attempts.values()) {
            for (Instant at : onDebt) {
                if (!at.isBefore(since)) {
                    calls.add(at);
                }
            }
        }
        return calls.size();
    }

    public Optional<Instant> lastConversationOnDebt(String claimId) {
        return Optional.ofNullable(conversations.get(claimId));
    }

    public Optional<Instant> lastAbandonOn(String phoneNumber) {
        return Optional.ofNullable(abandons.get(phoneNumber));
    }

    /** Holds in force on the debtor, on any debt and on any number. */
    public Set<Hold> holds() {
        return Collections.unmodifiableSet(holds);
    }

    public Optional<ActiveDial> activeDial() {
        return Optional.ofNullable(activeDial);
    }

    /** A call is being placed about these debts: counted as an attempt on each, and marked active. */
    public ContactRecord withDialStarted(ActiveDial dial, Collection<String> claimIds) {
        Objects.requireNonNull(dial, "dial");
        HashMap<String, ArrayList<Instant>> newAttempts = copyAttempts(attempts);
        // One call is one attempt on each debt it is about, however often the debt is listed.
        for (String claimId : new LinkedHashSet<>(claimIds)) {
            Objects.requireNonNull(claimId, "claimId");
            ArrayList<Instant> onDebt = newAttempts.computeIfAbsent(claimId, id -> new ArrayList<>());
            int position = onDebt.size();
            while (position > 0 && onDebt.get(position - 1).isAfter(dial.since())) {
                position--;
            }
            onDebt.add(position, dial.since());
        }
        return new ContactRecord(debtorId, newAttempts, conversations, abandons, holds, dial);
    }

    /** The call ended (or its node died): the debtor may be dialed again. Unknown attempt ids are ignored. */
    public ContactRecord withDialEnded(String attemptId) {
        if (activeDial == null || !activeDial.attemptId().equals(attemptId)) {
            return this;
        }
        return new ContactRecord(debtorId, attempts, conversations, abandons, holds, null);
    }

    /**
     * The call was never placed after all (no agent left to take it, the PBX refused the
     * originate): the attempt counted when it was permitted is taken back, and the debtor is free.
     * Unknown attempt ids are ignored, so an attempt that did ring can never be withdrawn late.
     */
    public ContactRecord withDialWithdrawn(String attemptId, Collection<String> claimIds) {
        if (activeDial == null || !activeDial.attemptId().equals(attemptId)) {
            return this;
        }
        HashMap<String, ArrayList<Instant>> newAttempts = copyAttempts(attempts);
        for (String claimId : new LinkedHashSet<>(claimIds)) {
            ArrayList<Instant> onDebt = newAttempts.get(claimId);
            if (onDebt != null) {
                onDebt.remove(activeDial.since());
                if (onDebt.isEmpty()) {
                    newAttempts.remove(claimId);
                }
            }
        }
        return new ContactRecord(debtorId, newAttempts, conversations, abandons, holds, null);
    }

    /** A conversation with the debtor about these debts (Reg F: it counts for each debt discussed). */
    public ContactRecord withConversation(Collection<String> claimIds, Instant at) {
        Objects.requireNonNull(at, "at");
        HashMap<String, Instant> newConversations = new HashMap<>(conversations);
        for (String claimId : claimIds) {
            newConversations.merge(Objects.requireNonNull(claimId, "claimId"), at, ContactRecord::later);
        }
        return new ContactRecord(debtorId, attempts, newConversations, abandons, holds, activeDial);
    }

    public ContactRecord withAbandon(String phoneNumber, Instant at) {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(at, "at");
        HashMap<String, Instant> newAbandons = new HashMap<>(abandons);
        newAbandons.merge(phoneNumber, at, ContactRecord::later);
        return new ContactRecord(debtorId, attempts, conversations, newAbandons, holds, activeDial);
    }

    /** Places a hold; placing the same hold again changes nothing. */
    public ContactRecord withHold(Hold hold) {
        Objects.requireNonNull(hold, "hold");
        // "The same" as lifting understands it: reason and subject, whoever placed it and when.
        if (holds.stream().anyMatch(hold::sameAs)) {
            return this;
        }
        HashSet<Hold> newHolds = new HashSet<>(holds);
        newHolds.add(hold);
        return new ContactRecord(debtorId, attempts, conversations, abandons, newHolds, activeDial);
    }

    /** Lifts the hold with the same reason and subject, if any. */
    public ContactRecord withoutHold(HoldReason reason, String subject) {
        HashSet<Hold> newHolds = new HashSet<>(holds);
        if (!newHolds.removeIf(h -> h.reason() == reason && h.subject().equals(subject))) {
            return this;
        }
        return new ContactRecord(debtorId, attempts, conversations, abandons, newHolds, activeDial);
    }

    /** Drops attempts, conversations and abandons older than the cut-off. */
    public ContactRecord prunedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        HashMap<String, ArrayList<Instant>> newAttempts = new HashMap<>();
        attempts.forEach((claimId, onDebt) -> {
            ArrayList<Instant> kept = new ArrayList<>();
            for (Instant at : onDebt) {
                if (!at.isBefore(cutoff)) {
                    kept.add(at);
                }
            }
            if (!kept.isEmpty()) {
                newAttempts.put(claimId, kept);
            }
        });
        HashMap<String, Instant> newConversations = new HashMap<>(conversations);
        newConversations.values().removeIf(at -> at.isBefore(cutoff));
        HashMap<String, Instant> newAbandons = new HashMap<>(abandons);
        newAbandons.values().removeIf(at -> at.isBefore(cutoff));
        return new ContactRecord(debtorId, newAttempts, newConversations, newAbandons, holds, activeDial);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ContactRecord)) {
            return false;
        }
        ContactRecord that = (ContactRecord) other;
        return debtorId.equals(that.debtorId)
                && attempts.equals(that.attempts)
                && conversations.equals(that.conversations)
                && abandons.equals(that.abandons)
                && holds.equals(that.holds)
                && Objects.equals(activeDial, that.activeDial);
    }

    @Override
    public int hashCode() {
        return Objects.hash(debtorId, attempts, conversations, abandons, holds, activeDial);
    }

    @Override
    public String toString() {
        return "ContactRecord[debtorId=" + debtorId
                + ", attempts=" + attempts
                + ", conversations=" + conversations
                + ", abandons=" + abandons
                + ", holds=" + holds
                + ", activeDial=" + activeDial + "]";
    }

    /** A stream that was not written by this class must not smuggle in nulls the accessors never expect. */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (debtorId == null || attempts == null || conversations == null || abandons == null || holds == null) {
            throw new InvalidObjectException("ContactRecord with a missing field");
        }
    }

    private static HashMap<String, ArrayList<Instant>> copyAttempts(Map<String, ArrayList<Instant>> source) {
        HashMap<String, ArrayList<Instant>> copy = new HashMap<>();
        source.forEach((claimId, onDebt) -> copy.put(claimId, new ArrayList<>(onDebt)));
        return copy;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
