package dev.collector.compliance.guard.policies;

import dev.collector.compliance.guard.CasePolicy;
import dev.collector.compliance.guard.DialContext;
import dev.collector.compliance.guard.Refusal;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.domain.casework.Claim;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** No collection call about a debt the debtor disputes, until the dispute is closed. */
public final class DisputePolicy implements CasePolicy {

    @Override
    public Optional<Refusal> check(DialContext context) {
        Set<String> claimIds = context.aCase().claims().stream().map(Claim::claimId).collect(Collectors.toSet());
        // Conservative: one call covers every debt of the case, and an agent cannot promise to
        // keep off the disputed one, so one disputed claim holds the whole case.
        List<Hold> disputes = context.record().holds().stream()
                .filter(h -> h.reason() == HoldReason.DISPUTE_OPEN && claimIds.contains(h.subject()))
                .sorted((a, b) -> a.subject().compareTo(b.subject()))
                .collect(Collectors.toList());
        if (disputes.isEmpty()) {
            return Optional.empty();
        }
        String which = disputes.stream()
                .map(h -> "debt " + h.subject() + " disputed since " + h.placedAt() + " (" + h.source() + ")")
                .collect(Collectors.joining("; "));
        return Optional.of(Refusal.ofCase(
                HoldReason.DISPUTE_OPEN.name(),
                which + "; a dispute on one debt holds case " + context.aCase().caseId() + " until it is closed",
                Instant.MAX));
    }
}
