package dev.collector.compliance.guard.policies;

import dev.collector.compliance.guard.DialContext;
import dev.collector.compliance.guard.NumberPolicy;
import dev.collector.compliance.guard.Refusal;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.compliance.ledger.HoldScope;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * A number found invalid, one the debtor asked us not to call, or one on the installation's
 * do-not-call list is not dialed until the hold is lifted. An invalid number is named first: calling
 * it would reach someone who is not the debtor.
 */
public final class NumberHoldPolicy implements NumberPolicy {

    @Override
    public Optional<Refusal> check(DialContext context, String phoneNumber) {
        Optional<Hold> hold = context.record().holds().stream()
                .filter(h -> h.scope() == HoldScope.NUMBER && h.subject().equals(phoneNumber))
                .min(Comparator.comparing((Hold h) -> h.reason() == HoldReason.INVALID_NUMBER ? 0 : 1)
                        .thenComparing(Hold::placedAt));
        if (hold.isPresent()) {
            Hold h = hold.get();
            return Optional.of(Refusal.ofNumber(
                    h.reason().name(),
                    phoneNumber,
                    phoneNumber + " is on hold as " + h.reason() + " since " + h.placedAt() + " (placed by "
                            + h.source() + "); not dialed until lifted",
                    Instant.MAX));
        }
        if (context.doNotCall().contains(phoneNumber)) {
            return Optional.of(Refusal.ofNumber(
                    HoldReason.DO_NOT_CALL.name(),
                    phoneNumber,
                    phoneNumber + " is on the do-not-call list",
                    Instant.MAX));
        }
        return Optional.empty();
    }
}
