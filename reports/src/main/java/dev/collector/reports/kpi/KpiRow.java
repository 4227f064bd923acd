package dev.collector.reports.kpi;

import java.math.BigDecimal;

/**
 * The KPIs of one group over one period. Rates are NaN when their denominator is zero (no call
 * answered, no promise due): a report shows them as empty, not as 0 %.
 *
 * @param rightPartyContactRate right-party contacts / calls answered
 * @param promiseRate           promises / right-party contacts
 * @param promisesDue           promises made in the period whose day has passed by the report's time
 * @param promiseKeptRate       promises kept / promises due
 * @param activeHours           distinct clock hours (UTC) in which the group dialed: the hours it worked
 * @param abandonRate           abandoned / (answered + abandoned)
 */
public record KpiRow(
        String key,
        long calls,
        long answered,
        long abandoned,
        double abandonRate,
        long rightPartyContacts,
        double rightPartyContactRate,
        long promises,
        double promiseRate,
        BigDecimal amountPromised,
        long promisesDue,
        long promisesKept,
        double promiseKeptRate,
        BigDecimal amountCollected,
        long talkSeconds,
        long activeHours,
        double callsPerHour,
        double talkMinutesPerHour) {
}
