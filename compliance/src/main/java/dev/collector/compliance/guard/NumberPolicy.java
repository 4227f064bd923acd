package dev.collector.compliance.guard;

import java.util.Optional;

/** A rule about one of the case's numbers (calling hours where it rings, lockouts, number holds). */
@FunctionalInterface
public interface NumberPolicy {
    Optional<Refusal> check(DialContext context, String phoneNumber);
}
