package dev.collector.app.strategies;

import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.compliance.rules.CampaignRules;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Holds as the CRM bridge places them: a dispute opened or closed moves the debtor's cases. */
final class SegmentingRestrictions implements ContactRestrictions {

    private final ContactRestrictions restrictions;
    private final StrategyRecording recording;

    SegmentingRestrictions(ContactRestrictions restrictions, StrategyRecording recording) {
        this.restrictions = restrictions;
        this.recording = recording;
    }

    @Override
    public CompletionStage<Void> placeHold(String debtorId, Hold hold) {
        return restrictions.placeHold(debtorId, hold).thenApply(done -> {
            if (hold.reason() == HoldReason.DISPUTE_OPEN) {
                recording.dispute(debtorId, true);
            }
            return done;
        });
    }

    @Override
    public CompletionStage<Void> liftHold(String debtorId, HoldReason reason, String subject) {
        return restrictions.liftHold(debtorId, reason, subject).thenApply(done -> {
            if (reason == HoldReason.DISPUTE_OPEN) {
                recording.dispute(debtorId, false);
            }
            return done;
        });
    }

    @Override
    public CompletionStage<Void> addToDoNotCall(String phoneNumber, String reason) {
        return restrictions.addToDoNotCall(phoneNumber, reason);
    }

    @Override
    public CompletionStage<Void> removeFromDoNotCall(String phoneNumber) {
        return restrictions.removeFromDoNotCall(phoneNumber);
    }

    @Override
    public CompletionStage<Optional<ContactRecord>> recordOf(String debtorId) {
        return restrictions.recordOf(debtorId);
    }

    @Override
    public CompletionStage<Void> defineRules(CampaignRules rules) {
        return restrictions.defineRules(rules);
    }
}
