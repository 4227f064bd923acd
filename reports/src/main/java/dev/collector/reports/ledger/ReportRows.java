package dev.collector.reports.ledger;

import java.util.List;

/**
 * The rows of a period: what every report is computed from.
 *
 * @param followUps  the follow-up tasks whose deadline falls in the period, and the tasks of the
 *                   period's deliveries
 * @param deliveries the tries at sending a follow-up message made in the period
 */
public record ReportRows(List<AttemptRow> attempts, List<OutcomeRow> outcomes, List<PaymentRow> payments,
        List<FollowUpRow> followUps, List<DeliveryRow> deliveries) {
    public ReportRows {
        attempts = List.copyOf(attempts);
        outcomes = List.copyOf(outcomes);
        payments = List.copyOf(payments);
        followUps = List.copyOf(followUps);
        deliveries = List.copyOf(deliveries);
    }

    /** Call rows alone, with no follow-ups. */
    public ReportRows(List<AttemptRow> attempts, List<OutcomeRow> outcomes, List<PaymentRow> payments) {
        this(attempts, outcomes, payments, List.of(), List.of());
    }
}
