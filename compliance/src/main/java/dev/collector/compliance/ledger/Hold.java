package dev.collector.compliance.ledger;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A hold placed on a debtor, one of the debtor's debts or one of the debtor's numbers.
 *
 * @param subject the debtor id, the claim id or the E.164 number, by the reason's scope
 * @param source who placed it ("crm", an agent id, "dialer" for numbers found invalid)
 */
public record Hold(HoldReason reason, String subject, String source, Instant placedAt) implements Serializable {
    public Hold {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(placedAt, "placedAt");
    }

    public HoldScope scope() {
        return reason.scope();
    }

    /** Same reason on the same subject: lifting a hold matches on this, not on who placed it. */
    public boolean sameAs(Hold other) {
        return reason == other.reason && subject.equals(other.subject);
    }
}
