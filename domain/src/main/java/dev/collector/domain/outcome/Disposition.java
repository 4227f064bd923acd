package dev.collector.domain.outcome;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** What the agent concluded from a conversation. A closed set: follow-ups and reports switch on it. */
public sealed interface Disposition extends Serializable
        permits Disposition.PromiseToPay, Disposition.Refused, Disposition.WrongParty, Disposition.NoContact,
        Disposition.CallbackRequested, Disposition.Disputed, Disposition.PaymentTaken, Disposition.ThirdParty,
        Disposition.Deceased, Disposition.CeaseContact {

    /** Stable code used on the wire and in storage. */
    String code();

    /**
     * The debtor promised to pay this amount by this date, this way.
     *
     * @param channel how the debtor will pay; {@link PaymentChannel#NOT_STATED} only in promises
     *                recorded before the channel was asked for (null, in those stored in Hazelcast, reads so)
     */
    record PromiseToPay(BigDecimal amount, LocalDate promisedFor, PaymentChannel channel) implements Disposition {
        public PromiseToPay {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(promisedFor, "promisedFor");
            channel = channel == null ? PaymentChannel.NOT_STATED : channel;
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("a promise is for a positive amount");
            }
        }

        /** A promise whose channel nobody asked: older records, a promise the CRM reports. */
        public PromiseToPay(BigDecimal amount, LocalDate promisedFor) {
            this(amount, promisedFor, PaymentChannel.NOT_STATED);
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

    /**
     * The debtor paid part (or all) of what is owed during the call (a card payment over the phone,
     * a transfer made while the agent waited). The CRM confirms it with a payment update; until then
     * the case owes what it owed.
     */
    record PaymentTaken(BigDecimal amount, PaymentChannel channel) implements Disposition {
        public PaymentTaken {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(channel, "channel");
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("a payment is for a positive amount");
            }
        }

        @Override
        public String code() {
            return "PAYMENT_TAKEN";
        }
    }

    /**
     * Someone who knows the debtor answered (a relative, a colleague) and took a message: the debtor
     * was not reached, the number is still the debtor's. What was left is in the notes.
     */
    record ThirdParty() implements Disposition {
        @Override
        public String code() {
            return "THIRD_PARTY";
        }
    }

    /** The debtor has died: every case of the debtor is held (DECEASED) until the CRM says otherwise. */
    record Deceased() implements Disposition {
        @Override
        public String code() {
            return "DECEASED";
        }
    }

    /**
     * The debtor asked not to be contacted any more: a CEASE_CONTACT hold stops every channel, calls
     * and follow-ups alike, until the CRM withdraws the request.
     */
    record CeaseContact() implements Disposition {
        @Override
        public String code() {
            return "CEASE_CONTACT";
        }
    }

    /** Every code, in the order an agent's form lists them. */
    java.util.List<String> CODES = java.util.List.of("PROMISE_TO_PAY", "PAYMENT_TAKEN", "REFUSED", "DISPUTED",
            "WRONG_PARTY", "THIRD_PARTY", "DECEASED", "CALLBACK_REQUESTED", "CEASE_CONTACT", "NO_CONTACT");
}
