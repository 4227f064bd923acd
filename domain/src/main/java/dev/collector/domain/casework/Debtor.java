package dev.collector.domain.casework;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The person who owes. Collection is run per debtor: one call covers all of a debtor's claims.
 *
 * @param emailAddress where e-mail follow-ups go, as the CRM gave it; empty when it gave none
 *                     (null, in debtors stored before the address existed, reads as empty)
 */
public record Debtor(String debtorId, String name, String emailAddress) implements Serializable {
    public Debtor {
        Objects.requireNonNull(debtorId, "debtorId");
        Objects.requireNonNull(name, "name");
        emailAddress = emailAddress == null ? "" : emailAddress.strip();
    }

    public Debtor(String debtorId, String name) {
        this(debtorId, name, "");
    }

    public Optional<String> email() {
        return emailAddress.isEmpty() ? Optional.empty() : Optional.of(emailAddress);
    }
}
