package dev.collector.casequeue.retry;

import java.time.Instant;
import java.util.Objects;

/** What becomes of a case after a call or a disposition. */
public sealed interface NextStep permits NextStep.Retry, NextStep.Hold, NextStep.Close {

    /**
     * Call again at this time (the guard may still push it later).
     *
     * @param callback the debtor asked for a call then (consent for the quiet period)
     */
    record Retry(Instant at, String why, boolean callback) implements NextStep {
        public Retry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(why, "why");
        }
    }

    /** Not called again until a hold is lifted (a dispute closed by the CRM). */
    record Hold(String why) implements NextStep {
        public Hold {
            Objects.requireNonNull(why, "why");
        }
    }

    record Close(String why) implements NextStep {
        public Close {
            Objects.requireNonNull(why, "why");
        }
    }
}
