package dev.collector.compliance.guard;

import dev.collector.domain.casework.Case;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A dialer's question: may this case be called now?
 *
 * @param debtorRequestedCallback the call is one the debtor asked for at this time; Regulation F
 *        does not count the 7-day quiet period against calls the consumer consented to
 */
public record DialRequest(Case aCase, Instant now, boolean debtorRequestedCallback) implements Serializable {
    public DialRequest {
        Objects.requireNonNull(aCase, "aCase");
        Objects.requireNonNull(now, "now");
    }
}
