package dev.collector.casequeue;

import dev.collector.domain.casework.Case;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How waiting cases are ordered within a campaign. The CRM's priority decides first (the CRM knows
 * its strategy scores); among equal priorities the older debt comes first, since collectability
 * falls with days past due; then the larger amount. Ranked again whenever the case is requeued,
 * so days past due stay current.
 */
public final class CaseRanking {

    private static final long DPD_CAP = 9_999;
    private static final long AMOUNT_CAP = 99_999;

    private CaseRanking() {
    }

    public static long rankOf(Case aCase, LocalDate today) {
        long dpd = Math.min(aCase.daysPastDue(today), DPD_CAP);
        long wholeUnits = Math.min(aCase.totalDue().max(BigDecimal.ZERO).longValue(), AMOUNT_CAP);
        return aCase.priority() * 1_000_000_000L + dpd * 100_000L + wholeUnits;
    }
}
