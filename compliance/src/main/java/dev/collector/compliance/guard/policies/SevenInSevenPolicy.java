package dev.collector.compliance.guard.policies;

import dev.collector.compliance.guard.CasePolicy;
import dev.collector.compliance.guard.DialContext;
import dev.collector.compliance.guard.Refusal;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.domain.casework.Claim;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Regulation F's presumption of harassment: no more than {@code maxAttemptsPerDebt} attempts about
 * one debt within the rolling {@code attemptPeriod} (7 in 7 days). Counted per debt; the case is
 * refused as soon as any of its debts is at the limit, since a call is about all of them.
 */
public final class SevenInSevenPolicy implements CasePolicy {

    public static final String RULE = "SEVEN_IN_SEVEN";

    @Override
    public Optional<Refusal> check(DialContext context) {
        ContactRules rules = context.caseRules();
        Instant now = context.now();
        Instant periodStart = now.minus(rules.attemptPeriod());
        Instant latestLapse = null;
        String decisive = null;
        for (Claim claim : context.aCase().claims()) {
            // Attempts in (now - period, now]: one made exactly a period ago has left it.
            List<Instant> counted = context.record().attemptsOnDebt(claim.claimId()).stream()
                    .filter(at -> at.isAfter(periodStart) && !at.isAfter(now))
                    .sorted()
                    .collect(Collectors.toList());
            int count = counted.size();
            if (count < rules.maxAttemptsPerDebt()) {
                continue;
            }
            // Below the limit again once all but max-1 of the counted attempts have left the period.
            Instant lapse = counted.get(count - rules.maxAttemptsPerDebt()).plus(rules.attemptPeriod());
            if (latestLapse == null || lapse.isAfter(latestLapse)) {
                latestLapse = lapse;
                decisive = count + " attempts on debt " + claim.claimId() + " since " + counted.get(0)
                        + "; limit " + rules.maxAttemptsPerDebt() + " in " + Explaining.period(rules.attemptPeriod());
            }
        }
        if (latestLapse == null) {
            return Optional.empty();
        }
        return Optional.of(Refusal.ofCase(RULE, decisive, latestLapse));
    }
}
