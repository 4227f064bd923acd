package dev.collector.followups.rules;

/** What makes a rule fire. */
public sealed interface Trigger {

    /** An agent recorded this disposition (its code: PROMISE_TO_PAY, REFUSED, ...). */
    record OnDisposition(String code) implements Trigger {
    }

    /** The case's attempts since its last conversation reached this many without one. */
    record AttemptsWithoutContact(int attempts) implements Trigger {
    }

    /** A promise's date passed and the CRM reported no payment covering it. */
    record BrokenPromise() implements Trigger {
    }
}
