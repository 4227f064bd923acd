package dev.collector.domain.casework;

import java.io.Serializable;
import java.util.Objects;

/** The person who owes. Collection is run per debtor: one call covers all of a debtor's claims. */
public record Debtor(String debtorId, String name) implements Serializable {
    public Debtor {
        Objects.requireNonNull(debtorId, "debtorId");
        Objects.requireNonNull(name, "name");
    }
}
