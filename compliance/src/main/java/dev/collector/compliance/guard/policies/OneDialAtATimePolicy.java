package dev.collector.compliance.guard.policies;

import dev.collector.compliance.guard.CasePolicy;
import dev.collector.compliance.guard.DialContext;
import dev.collector.compliance.guard.Refusal;
import dev.collector.compliance.ledger.ActiveDial;
import java.time.Duration;
import java.util.Optional;

/** A debtor with debts in several campaigns is never called twice at once. */
public final class OneDialAtATimePolicy implements CasePolicy {

    public static final String RULE = "DEBTOR_BEING_CALLED";

    /** A call has no known end; look again in a minute (the record changes when it ends). */
    static final Duration RECHECK = Duration.ofSeconds(60);

    /**
     * A dial whose end was never reported is taken as over after this long. It happens when the
     * node that placed the call died: its call may still be up on the PBX, so the debtor stays
     * "being called" (never dialed twice at once) for longer than any collection call lasts, and
     * is not blocked for ever.
     */
    public static final Duration ORPHANED_AFTER = Duration.ofHours(1);

    @Override
    public Optional<Refusal> check(DialContext context) {
        Optional<ActiveDial> active = context.record().activeDial();
        if (active.isEmpty() || !active.get().since().plus(ORPHANED_AFTER).isAfter(context.now())) {
            return Optional.empty();
        }
        ActiveDial dial = active.get();
        return Optional.of(Refusal.ofCase(
                RULE,
                "debtor " + context.aCase().debtor().debtorId() + " is being called since " + dial.since()
                        + " (attempt " + dial.attemptId() + " on case " + dial.caseId()
                        + " in campaign " + dial.campaignId() + "); one call at a time",
                context.now().plus(RECHECK)));
    }
}
