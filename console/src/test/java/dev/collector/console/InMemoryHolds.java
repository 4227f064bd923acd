package dev.collector.console;

import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.compliance.rules.CampaignRules;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** The holds dispositions place, as the console's tests need them; the real ledger is Hazelcast in case-queue. */
public final class InMemoryHolds implements ContactRestrictions {
    public final List<Hold> placed = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Void> placeHold(String debtorId, Hold hold) {
        placed.add(hold);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> liftHold(String debtorId, HoldReason reason, String subject) {
        placed.removeIf(h -> h.reason() == reason && h.subject().equals(subject));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> addToDoNotCall(String phoneNumber, String reason) {
        throw new UnsupportedOperationException("not used by the console");
    }

    @Override
    public CompletionStage<Void> removeFromDoNotCall(String phoneNumber) {
        throw new UnsupportedOperationException("not used by the console");
    }

    @Override
    public CompletionStage<Optional<ContactRecord>> recordOf(String debtorId) {
        throw new UnsupportedOperationException("not used by the console");
    }

    @Override
    public CompletionStage<Void> defineRules(CampaignRules rules) {
        throw new UnsupportedOperationException("not used by the console");
    }
}
