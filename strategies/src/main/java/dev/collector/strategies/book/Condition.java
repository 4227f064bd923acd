package dev.collector.strategies.book;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * One test on a case's profile. Ranges are inclusive and either end may be open; an attribute the
 * case does not have (no product, no score) satisfies no condition on it.
 */
public sealed interface Condition {

    boolean holds(CaseProfile profile);

    /** Inclusive bounds; {@code null} leaves that end open. */
    record Range(BigDecimal min, BigDecimal max) {
        public boolean contains(BigDecimal value) {
            return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
        }

        public boolean contains(long value) {
            return contains(BigDecimal.valueOf(value));
        }
    }

    record DaysPastDue(Range range) implements Condition {
        @Override
        public boolean holds(CaseProfile profile) {
            return range.contains(profile.daysPastDue());
        }
    }

    record AmountDue(Range range) implements Condition {
        @Override
        public boolean holds(CaseProfile profile) {
            return range.contains(profile.amountDue());
        }
    }

    record Promises(Range range) implements Condition {
        @Override
        public boolean holds(CaseProfile profile) {
            return range.contains(profile.promises());
        }
    }

    record BrokenPromises(Range range) implements Condition {
        @Override
        public boolean holds(CaseProfile profile) {
            return range.contains(profile.brokenPromises());
        }
    }

    record Score(Range range) implements Condition {
        @Override
        public boolean holds(CaseProfile profile) {
            return profile.score().map(range::contains).orElse(false);
        }
    }

    record Product(Set<String> anyOf) implements Condition {
        public Product {
            anyOf = Set.copyOf(anyOf);
        }

        @Override
        public boolean holds(CaseProfile profile) {
            return profile.product().map(anyOf::contains).orElse(false);
        }
    }

    /** Every flag of {@code all} is set and none of {@code none}. */
    record Flags(Set<String> all, Set<String> none) implements Condition {
        public Flags {
            all = Set.copyOf(all);
            none = Set.copyOf(none);
        }

        @Override
        public boolean holds(CaseProfile profile) {
            if (!profile.flags().containsAll(all)) {
                return false;
            }
            for (String flag : none) {
                if (profile.flags().contains(flag)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Disputed(boolean disputed) implements Condition {
        @Override
        public boolean holds(CaseProfile profile) {
            return profile.disputed() == disputed;
        }
    }

    record InSituation(Set<CaseSituation> anyOf) implements Condition {
        public InSituation {
            anyOf = Set.copyOf(anyOf);
            Objects.requireNonNull(anyOf, "anyOf");
        }

        @Override
        public boolean holds(CaseProfile profile) {
            return anyOf.contains(profile.situation());
        }
    }
}
