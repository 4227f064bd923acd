package dev.collector.reports.ledger;

import java.util.List;

/** The rows of a period: what every report is computed from. */
public record ReportRows(List<AttemptRow> attempts, List<OutcomeRow> outcomes, List<PaymentRow> payments) {
    public ReportRows {
        attempts = List.copyOf(attempts);
        outcomes = List.copyOf(outcomes);
        payments = List.copyOf(payments);
    }
}
