package dev.collector.crmbridge.updates;

import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.domain.casework.CallList;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The debtor disputes debts, or a dispute is closed: a DISPUTE_OPEN hold per claim, which keeps the
 * whole case from being called (one call covers every debt of the case).
 *
 * @param opened  whether the dispute opens (holds placed) or closes (holds lifted)
 * @param claimIds the claims disputed, each the subject of its own hold
 * @param source  who placed the holds, for the audit trail
 */
record Dispute(boolean opened, String debtorId, List<String> claimIds, String source, Instant at)
        implements CaseChange {

    Dispute {
        claimIds = List.copyOf(claimIds);
    }

    @Override
    public CompletionStage<Void> applyTo(CallList callList, ContactRestrictions restrictions) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (String claimId : claimIds) {
            chain = chain.thenCompose(previous -> opened
                    ? restrictions.placeHold(debtorId, new Hold(HoldReason.DISPUTE_OPEN, claimId, source, at))
                    : restrictions.liftHold(debtorId, HoldReason.DISPUTE_OPEN, claimId));
        }
        return chain;
    }
}
