package dev.collector.compliance.guard;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The guard's answer for one case at one instant. Serializable: it is computed where the debtor's record lives. */
public sealed interface Verdict extends Serializable permits Verdict.Permitted, Verdict.Refused {

    /**
     * The case may be dialed now, on this number (the first of the case's numbers no rule refuses).
     *
     * @param skipped refusals of numbers tried before this one, for the audit trail
     */
    record Permitted(String phoneNumber, List<Refusal> skipped) implements Verdict {
        public Permitted {
            Objects.requireNonNull(phoneNumber, "phoneNumber");
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * The case may not be dialed now.
     *
     * @param retryAt the earliest instant at which every reason found may have lapsed (re-check
     *                then); {@link Instant#MAX} when a hold blocks it until lifted
     */
    record Refused(List<Refusal> refusals, Instant retryAt) implements Verdict {
        public Refused {
            refusals = List.copyOf(refusals);
            Objects.requireNonNull(retryAt, "retryAt");
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a refusal gives its reasons");
            }
        }

        public boolean held() {
            return retryAt.equals(Instant.MAX);
        }
    }
}
