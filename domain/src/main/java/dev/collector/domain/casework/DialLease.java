package dev.collector.domain.casework;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One dialer's exclusive right to call one case once, on the number the compliance guard chose.
 * The attempt id names the call everywhere (PBX action id, contact history, audit trail).
 *
 * @param expiresAt if the holder neither renews nor ends the lease by then, the case returns to
 *                  the queue
 */
public record DialLease(String attemptId, Case aCase, String phoneNumber, String holder, Instant leasedAt,
                        Instant expiresAt) implements Serializable {
    public DialLease {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(aCase, "aCase");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(leasedAt, "leasedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public String caseId() {
        return aCase.caseId();
    }
}
