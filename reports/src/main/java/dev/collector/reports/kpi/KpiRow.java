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
 * @param followUpTasks         follow-up tasks (SMS, e-mail, letter, call from a work queue) whose
 *                              deadline falls in the period, suppressed ones included
 * @param slaDue                those of them whose SLA can be judged: done, or deadline passed by the
 *                              report's time (suppressed tasks owe no SLA)
 * @param slaMet                those done by their deadline
 * @param slaCompliance         slaMet / slaDue
 * @param deliveries            tries at sending a follow-up message in the period
 * @param delivered             tries the gateway (SMTP, SMSC) accepted
 * @param deliveryFailures      tries that failed (retried later or escalated)
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
        double talkMinutesPerHour,
        long followUpTasks,
        long slaDue,
        long slaMet,
        double slaCompliance,
        long deliveries,
        long delivered,
        long deliveryFailures) {
}
