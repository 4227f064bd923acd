package dev.collector.compliance.guard.policies;

import dev.collector.compliance.guard.CasePolicy;
import dev.collector.compliance.guard.DialContext;
import dev.collector.compliance.guard.Refusal;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldScope;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * No call at all to a debtor who asked not to be contacted, has died or is in bankruptcy, until the
 * hold is lifted. The rule code is the hold's reason ({@code CEASE_CONTACT}, {@code DECEASED},
 * {@code BANKRUPTCY}); with several holds, the first in that order names the refusal and the
 * explanation lists them all.
 */
public final class DebtorHoldPolicy implements CasePolicy {

    @Override
    public Optional<Refusal> check(DialContext context) {
        // The record is the debtor's own, so every debtor-wide hold in it applies, whatever its subject says.
        List<Hold> onDebtor = context.record().holds().stream()
                .filter(h -> h.scope() == HoldScope.DEBTOR)
                .sorted(Comparator.comparing(Hold::reason).thenComparing(Hold::placedAt))
                .collect(Collectors.toList());
        if (onDebtor.isEmpty()) {
            return Optional.empty();
        }
        String holds = onDebtor.stream()
                .map(h -> h.reason() + " placed by " + h.source() + " at " + h.placedAt())
                .collect(Collectors.joining("; "));
        return Optional.of(Refusal.ofCase(
                onDebtor.get(0).reason().name(),
                "debtor " + context.aCase().debtor().debtorId() + " is on hold (" + holds + "); no call until lifted",
                Instant.MAX));
    }
}
