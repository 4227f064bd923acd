package dev.collector.app.monitoring;

import com.hazelcast.aggregation.Aggregator;
import dev.collector.casequeue.entry.CaseEntry;
import java.util.Map;

/** The earliest receipt time (epoch millis) among the cases given, {@code Long.MAX_VALUE} for none. */
final class OldestWaitingAggregator implements Aggregator<Map.Entry<String, CaseEntry>, Long> {

    private static final long serialVersionUID = 1L;

    private long oldest = Long.MAX_VALUE;

    @Override
    public void accumulate(Map.Entry<String, CaseEntry> entry) {
        oldest = Math.min(oldest, entry.getValue().aCase().receivedAt().toEpochMilli());
    }

    @Override
    public void combine(Aggregator aggregator) {
        oldest = Math.min(oldest, ((OldestWaitingAggregator) aggregator).oldest);
    }

    @Override
    public Long aggregate() {
        return oldest;
    }
}
