package dev.collector.reports.kpi;

import java.util.List;
import java.util.Locale;

/** KPI rows as CSV (RFC 4180, comma, header first, rates as fractions, undefined rates empty). */
public final class KpiCsv {

    public static final String HEADER = "%s,calls,answered,abandoned,abandon_rate,right_party_contacts,"
            + "right_party_contact_rate,promises,promise_rate,amount_promised,promises_due,promises_kept,"
            + "promise_kept_rate,amount_collected,talk_seconds,active_hours,calls_per_hour,talk_minutes_per_hour,"
            + "follow_up_tasks,sla_due,sla_met,sla_compliance,deliveries,delivered,delivery_failures";

    private KpiCsv() {
    }

    public static String of(Dimension by, List<KpiRow> rows) {
        StringBuilder csv = new StringBuilder(String.format(HEADER, by.name().toLowerCase(Locale.ROOT))).append("\r\n");
        for (KpiRow r : rows) {
            csv.append(field(r.key())).append(',').append(r.calls()).append(',').append(r.answered()).append(',')
                    .append(r.abandoned()).append(',').append(rate(r.abandonRate())).append(',')
                    .append(r.rightPartyContacts()).append(',').append(rate(r.rightPartyContactRate())).append(',')
                    .append(r.promises()).append(',').append(rate(r.promiseRate())).append(',')
                    .append(r.amountPromised().toPlainString()).append(',').append(r.promisesDue()).append(',')
                    .append(r.promisesKept()).append(',').append(rate(r.promiseKeptRate())).append(',')
                    .append(r.amountCollected().toPlainString()).append(',').append(r.talkSeconds()).append(',')
                    .append(r.activeHours()).append(',').append(rate(r.callsPerHour())).append(',')
                    .append(rate(r.talkMinutesPerHour())).append(',').append(r.followUpTasks()).append(',')
                    .append(r.slaDue()).append(',').append(r.slaMet()).append(',').append(rate(r.slaCompliance()))
                    .append(',').append(r.deliveries()).append(',').append(r.delivered()).append(',')
                    .append(r.deliveryFailures()).append("\r\n");
        }
        return csv.toString();
    }

    static String rate(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Quoted when it holds a comma, a quote or a line break; quotes doubled. */
    public static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
