package dev.collector.compliance.guard;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule's reason not to dial now, written for the audit trail and the supervisor.
 *
 * @param rule the policy's stable code, e.g. {@code CALLING_HOURS}, {@code SEVEN_IN_SEVEN}
 * @param phoneNumber the number the refusal concerns, or empty text when it concerns the case
 * @param explanation a sentence a compliance officer can read, with the figures that decided
 * @param lapsesAt when this reason no longer holds by itself; {@link Instant#MAX} for a hold,
 *                 which lasts until lifted
 */
public record Refusal(String rule, String phoneNumber, String explanation, Instant lapsesAt) implements Serializable {

    public Refusal {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(lapsesAt, "lapsesAt");
    }

    public static Refusal ofCase(String rule, String explanation, Instant lapsesAt) {
        return new Refusal(rule, "", explanation, lapsesAt);
    }

    public static Refusal ofNumber(String rule, String phoneNumber, String explanation, Instant lapsesAt) {
        return new Refusal(rule, phoneNumber, explanation, lapsesAt);
    }

    public boolean lasting() {
        return lapsesAt.equals(Instant.MAX);
    }

    public Optional<String> number() {
        return phoneNumber.isEmpty() ? Optional.empty() : Optional.of(phoneNumber);
    }
}
