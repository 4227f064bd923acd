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

    @Override
    public Optional<Refusal> check(DialContext context) {
        Optional<ActiveDial> active = context.record().activeDial();
        if (active.isEmpty()) {
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
