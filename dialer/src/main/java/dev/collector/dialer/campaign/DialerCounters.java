package dev.collector.dialer.campaign;

import dev.collector.domain.call.CallResult;
import java.util.EnumMap;
import java.util.Map;

/** Running totals of one dialer, read by status pages and the demo's summary. */
public final class DialerCounters {

    public DialerCounters() {
    }

    private long dialed;
    private volatile PacingStatus pacing = PacingStatus.notYet("PROGRESSIVE", 0.03, java.time.Duration.ofDays(30));
    private final EnumMap<CallResult, Long> ended = new EnumMap<>(CallResult.class);

    synchronized void dialed() {
        dialed++;
    }

    synchronized void ended(CallResult result) {
        ended.merge(result, 1L, Long::sum);
    }

    void paced(PacingStatus status) {
        pacing = status;
    }

    /** The last pacing decision, for the supervisor's wall. */
    public PacingStatus pacing() {
        return pacing;
    }

    public synchronized long dialedCount() {
        return dialed;
    }

    public synchronized Map<CallResult, Long> endedByResult() {
        return new EnumMap<>(ended);
    }

    public synchronized long endedCount() {
        return ended.values().stream().mapToLong(Long::longValue).sum();
    }
}
