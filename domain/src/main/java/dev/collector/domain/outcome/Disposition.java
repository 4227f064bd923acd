package dev.collector.domain.outcome;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** What the agent concluded from a conversation. A closed set: follow-ups and reports switch on it. */
public sealed interface Disposition extends Serializable
        permits Disposition.PromiseToPay, Disposition.Refused, Disposition.WrongParty, Disposition.NoContact,
        Disposition.CallbackRequested, Disposition.Disputed {

    /** Stable code used on the wire and in storage. */
    String code();

    /** The debtor promised to pay this amount by this date. */
    record PromiseToPay(BigDecimal amount, LocalDate promisedFor) implements Disposition {
        public PromiseToPay {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(promisedFor, "promisedFor");
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("a promise is for a positive amount");
            }
        }

        @Override
        public String code() {
            return "PROMISE_TO_PAY";
        }
    }

    /** The debtor was reached and refused to pay. */
    record Refused() implements Disposition {
        @Override
        public String code() {
            return "REFUSED";
        }
    }

    /** Someone else answered: the number may not belong to the debtor. */
    record WrongParty() implements Disposition {
        @Override
        public String code() {
            return "WRONG_PARTY";
        }
    }

    /** The call connected but no conversation about the debt took place. */
    record NoContact() implements Disposition {
        @Override
        public String code() {
            return "NO_CONTACT";
        }
    }

    /**
     * The debtor asked to be called back at this time. The dialer calls then, and Regulation F's
     * quiet period after a conversation does not stand against a call the debtor asked for.
     */
    record CallbackRequested(Instant at) implements Disposition {
        public CallbackRequested {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String code() {
            return "CALLBACK_REQUESTED";
        }
    }

    /**
     * The debtor disputes the debt (all claims of the case): no collection call about it until the
     * CRM closes the dispute.
     */
    record Disputed() implements Disposition {
        @Override
        public String code() {
            return "DISPUTED";
        }
    }
}
