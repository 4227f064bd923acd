package dev.collector.compliance.guard.policies;

import dev.collector.compliance.guard.CasePolicy;
import dev.collector.compliance.guard.DialContext;
import dev.collector.compliance.guard.Refusal;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.domain.casework.Claim;
import java.time.Instant;
import java.util.Optional;

/**
 * Regulation F: no call about a debt within 7 days of a telephone conversation about it. A call the
 * debtor asked for is not counted against it (the consumer consented to that time).
 */
public final class QuietAfterConversationPolicy implements CasePolicy {

    public static final String RULE = "CONVERSATION_QUIET_PERIOD";

    @Override
    public Optional<Refusal> check(DialContext context) {
        if (context.request().debtorRequestedCallback()) {
            return Optional.empty();
        }
        ContactRules rules = context.caseRules();
        Instant now = context.now();
        Instant latestLapse = null;
        String decisive = null;
        for (Claim claim : context.aCase().claims()) {
            Optional<Instant> conversation = context.record().lastConversationOnDebt(claim.claimId());
            if (conversation.isEmpty()) {
                continue;
            }
            Instant lapse = Explaining.plus(conversation.get(), rules.quietAfterConversation());
            if (lapse.isAfter(now) && (latestLapse == null || lapse.isAfter(latestLapse))) {
                latestLapse = lapse;
                decisive = "conversation about debt " + claim.claimId() + " at " + conversation.get()
                        + "; no call about it for " + Explaining.period(rules.quietAfterConversation())
                        + " unless the debtor asks for one";
            }
        }
        if (latestLapse == null) {
            return Optional.empty();
        }
        return Optional.of(Refusal.ofCase(RULE, decisive, latestLapse));
    }
}
