package dev.collector.reports.kpi;

import dev.collector.reports.ledger.AttemptRow;
import dev.collector.reports.ledger.DeliveryRow;
import dev.collector.reports.ledger.FollowUpRow;
import dev.collector.reports.ledger.OutcomeRow;
import dev.collector.reports.ledger.PaymentRow;
import dev.collector.reports.ledger.ReportRows;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The KPIs of a period per group, from its report rows. Definitions (also on the report page):
 * <ul>
 * <li>right-party contact: an outcome whose disposition means the debtor was reached
 *     ({@link #RIGHT_PARTY}); its rate is per call answered;</li>
 * <li>promise rate: promises per right-party contact; amount promised: their sum;</li>
 * <li>a promise is kept when the case's payments from the promise until the end of the day after
 *     the promised day (UTC; a day's grace for the booking) add up to the amount promised; the rate
 *     is over the promises of the period whose grace ended before {@code asOf};</li>
 * <li>amount collected: payments the CRM reported within the period;</li>
 * <li>calls and talk time per hour: per active hour, a clock hour in which the group dialed;</li>
 * <li>abandon rate: abandoned / (answered + abandoned) calls;</li>
 * <li>SLA compliance: of the follow-up tasks whose deadline falls in the period and whose SLA can be
 *     judged (done already, or the deadline passed by {@code asOf}; suppressed tasks owe none), the
 *     share done by their deadline. Tasks are grouped by their own agent, campaign and channel (SMS,
 *     EMAIL, LETTER, CALL), and by team, segment and strategy as {@link FollowUpTags} finds them;</li>
 * <li>deliveries: tries at sending a follow-up message in the period, delivered or failed, grouped
 *     as their task.</li>
 * </ul>
 */
public final class ComputingKpis {

    /** Dispositions that mean the debtor was reached (the rest: wrong party, third party, no contact, deceased). */
    public static final Set<String> RIGHT_PARTY = Set.of("PROMISE_TO_PAY", "PAYMENT_TAKEN", "REFUSED", "DISPUTED",
            "CALLBACK_REQUESTED", "CEASE_CONTACT");

    private ComputingKpis() {
    }

    /**
     * @param rows  the period's rows (payments may run past it, for promises kept)
     * @param asOf  the time of the report: promises whose grace has not ended yet are not judged
     */
    public static List<KpiRow> compute(ReportRows rows, Dimension by, Instant from, Instant to, Instant asOf) {
        Map<String, Totals> groups = new TreeMap<>();
        for (AttemptRow attempt : rows.attempts()) {
            if (attempt.dialedAt().isBefore(from) || !attempt.dialedAt().isBefore(to)) {
                continue;
            }
            Totals t = groups.computeIfAbsent(by.of(attempt), k -> new Totals());
            t.calls++;
            if (attempt.result().equals("ANSWERED")) {
                t.answered++;
            } else if (attempt.result().equals("ABANDONED")) {
                t.abandoned++;
            }
            t.talkSeconds += attempt.talkTime().getSeconds();
            t.hours.add(attempt.dialedAt().truncatedTo(ChronoUnit.HOURS));
        }
        Map<String, List<PaymentRow>> paymentsByCase = new HashMap<>();
        for (PaymentRow payment : rows.payments()) {
            paymentsByCase.computeIfAbsent(payment.caseId(), c -> new ArrayList<>()).add(payment);
            if (!payment.paidAt().isBefore(from) && payment.paidAt().isBefore(to)) {
                Totals t = groups.computeIfAbsent(by.of(payment), k -> new Totals());
                t.collected = t.collected.add(payment.amount());
            }
        }
        for (OutcomeRow outcome : rows.outcomes()) {
            if (outcome.recordedAt().isBefore(from) || !outcome.recordedAt().isBefore(to)) {
                continue;
            }
            Totals t = groups.computeIfAbsent(by.of(outcome), k -> new Totals());
            if (RIGHT_PARTY.contains(outcome.disposition())) {
                t.rightParty++;
            }
            if (outcome.disposition().equals("PROMISE_TO_PAY") && outcome.promisedAmount().isPresent()) {
                t.promises++;
                t.promised = t.promised.add(outcome.promisedAmount().get());
                LocalDate day = outcome.promisedFor().orElse(outcome.recordedAt().atOffset(ZoneOffset.UTC).toLocalDate());
                Instant graceEnds = graceEnds(day);
                if (!asOf.isBefore(graceEnds)) {
                    t.promisesDue++;
                    if (kept(outcome, graceEnds, paymentsByCase.getOrDefault(outcome.caseId(), List.of()))) {
                        t.kept++;
                    }
                }
            }
        }
        FollowUpTags tags = FollowUpTags.of(rows);
        Map<String, FollowUpRow> tasks = new HashMap<>();
        for (FollowUpRow task : rows.followUps()) {
            tasks.put(task.taskId(), task);
            if (task.deadline().isBefore(from) || !task.deadline().isBefore(to)) {
                continue;   // read for a delivery of the period only
            }
            Totals t = groups.computeIfAbsent(by.of(task, tags), k -> new Totals());
            t.followUps++;
            if (task.slaJudgedAt(asOf)) {
                t.slaDue++;
                if (task.slaMet()) {
                    t.slaMet++;
                }
            }
        }
        for (DeliveryRow delivery : rows.deliveries()) {
            if (delivery.attemptedAt().isBefore(from) || !delivery.attemptedAt().isBefore(to)) {
                continue;
            }
            FollowUpRow task = tasks.get(delivery.taskId());
            Totals t = groups.computeIfAbsent(task == null ? by.of(delivery) : by.of(task, tags), k -> new Totals());
            t.deliveries++;
            if (delivery.delivered()) {
                t.delivered++;
            } else {
                t.deliveryFailures++;
            }
        }
        List<KpiRow> report = new ArrayList<>();
        groups.forEach((key, t) -> report.add(t.row(key)));
        return report;
    }

    /** The end of the day after the promised day, UTC. */
    public static Instant graceEnds(LocalDate promisedFor) {
        return promisedFor.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whether the case's payments from the promise until the grace ended add up to the amount promised. */
    public static boolean kept(OutcomeRow promise, Instant graceEnds, List<PaymentRow> payments) {
        BigDecimal paid = BigDecimal.ZERO;
        for (PaymentRow payment : payments) {
            if (!payment.paidAt().isBefore(promise.recordedAt()) && payment.paidAt().isBefore(graceEnds)) {
                paid = paid.add(payment.amount());
            }
        }
        return paid.compareTo(promise.promisedAmount().orElseThrow()) >= 0;
    }

    private static final class Totals {
        long calls;
        long answered;
        long abandoned;
        long talkSeconds;
        final Set<Instant> hours = new HashSet<>();
        long rightParty;
        long promises;
        BigDecimal promised = BigDecimal.ZERO;
        long promisesDue;
        long kept;
        BigDecimal collected = BigDecimal.ZERO;
        long followUps;
        long slaDue;
        long slaMet;
        long deliveries;
        long delivered;
        long deliveryFailures;

        KpiRow row(String key) {
            long activeHours = hours.size();
            return new KpiRow(key, calls, answered, abandoned, ratio(abandoned, answered + abandoned), rightParty,
                    ratio(rightParty, answered), promises, ratio(promises, rightParty), promised, promisesDue, kept,
                    ratio(kept, promisesDue), collected, talkSeconds, activeHours, ratio(calls, activeHours),
                    ratio(talkSeconds / 60.0, activeHours), followUps, slaDue, slaMet, ratio(slaMet, slaDue),
                    deliveries, delivered, deliveryFailures);
        }

        private static double ratio(double part, double whole) {
            return whole == 0 ? Double.NaN : part / whole;
        }
    }
}
