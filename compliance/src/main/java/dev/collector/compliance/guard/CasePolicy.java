package dev.collector.compliance.guard;

import java.util.Optional;

/** A rule about the case as a whole (holds on the debtor, limits per debt, one dial at a time). */
@FunctionalInterface
public interface CasePolicy {
    Optional<Refusal> check(DialContext context);
}
