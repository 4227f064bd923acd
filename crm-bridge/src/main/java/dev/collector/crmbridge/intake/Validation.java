package dev.collector.crmbridge.intake;

import dev.collector.domain.casework.Case;
import java.util.List;
import java.util.Objects;

/** The verdict on one submitted case: the domain case it becomes, or everything wrong with it. */
public sealed interface Validation permits Validation.Valid, Validation.Invalid {

    record Valid(Case aCase) implements Validation {
        public Valid {
            Objects.requireNonNull(aCase, "aCase");
        }
    }

    record Invalid(List<Violation> violations) implements Validation {
        public Invalid {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid case has at least one violation");
            }
        }
    }
}
