package dev.collector.compliance.ledger;

import dev.collector.compliance.rules.CampaignRules;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * How holds, the do-not-call list and campaign rules change: by CRM updates, agents and the
 * dialer itself (numbers found invalid). A change takes effect at the next dial decision; lifting
 * the last hold on a debtor's case puts it back in its queue.
 */
public interface ContactRestrictions {

    CompletionStage<Void> placeHold(String debtorId, Hold hold);

    CompletionStage<Void> liftHold(String debtorId, HoldReason reason, String subject);

    CompletionStage<Void> addToDoNotCall(String phoneNumber, String reason);

    CompletionStage<Void> removeFromDoNotCall(String phoneNumber);

    /** The debtor's contact record as the guard sees it now. */
    CompletionStage<Optional<ContactRecord>> recordOf(String debtorId);

    /** Sets a campaign's contact rules; a campaign without rules gets the strictest defaults. */
    CompletionStage<Void> defineRules(CampaignRules rules);
}
