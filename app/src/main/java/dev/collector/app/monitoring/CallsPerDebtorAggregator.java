package dev.collector.app.monitoring;

import com.hazelcast.aggregation.Aggregator;
import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.console.supervisor.FloorDetail;
import java.time.Instant;
import java.util.Map;

/**
 * Counts calls per debtor over the contact records where they live, on each member: debtors
 * called and calls placed since the start of the day and of the week, and the most any one debtor
 * got. Only the counts travel, not the records.
 */
final class CallsPerDebtorAggregator implements Aggregator<Map.Entry<String, ContactRecord>, FloorDetail.CallsPerDebtor> {

    private static final long serialVersionUID = 1L;

    private final long dayStartMillis;
    private final long weekStartMillis;
    private long debtorsToday;
    private long callsToday;
    private int mostToday;
    private long debtorsThisWeek;
    private long callsThisWeek;
    private int mostThisWeek;

    CallsPerDebtorAggregator(Instant dayStart, Instant weekStart) {
        this.dayStartMillis = dayStart.toEpochMilli();
        this.weekStartMillis = weekStart.toEpochMilli();
    }

    @Override
    public void accumulate(Map.Entry<String, ContactRecord> entry) {
        ContactRecord record = entry.getValue();
        int week = record.callsSince(Instant.ofEpochMilli(weekStartMillis));
        if (week == 0) {
            return;
        }
        int day = record.callsSince(Instant.ofEpochMilli(dayStartMillis));
        debtorsThisWeek++;
        callsThisWeek += week;
        mostThisWeek = Math.max(mostThisWeek, week);
        if (day > 0) {
            debtorsToday++;
            callsToday += day;
            mostToday = Math.max(mostToday, day);
        }
    }

    @Override
    public void combine(Aggregator aggregator) {
        CallsPerDebtorAggregator other = (CallsPerDebtorAggregator) aggregator;
        debtorsToday += other.debtorsToday;
        callsToday += other.callsToday;
        mostToday = Math.max(mostToday, other.mostToday);
        debtorsThisWeek += other.debtorsThisWeek;
        callsThisWeek += other.callsThisWeek;
        mostThisWeek = Math.max(mostThisWeek, other.mostThisWeek);
    }

    @Override
    public FloorDetail.CallsPerDebtor aggregate() {
        return new FloorDetail.CallsPerDebtor(true, debtorsToday, callsToday, mostToday, debtorsThisWeek,
                callsThisWeek, mostThisWeek);
    }
}
