package dev.collector.casequeue;

import dev.collector.casequeue.retry.RetrySchedule;
import java.time.Duration;
import java.util.Objects;

/**
 * @param leaseTtl a lease not renewed for this long lapses and its case waits again; the holder
 *                 renews at a third of it. Leases of a member that leaves the cluster lapse at once.
 * @param maintenanceEvery how often each member promotes due retries and reclaims lapsed leases
 *                         among the cases it owns
 * @param refusalsPerLease how many refused cases one {@code leaseNext} may reschedule before it
 *                         gives up for now (keeps one call short when a queue is mostly out of hours)
 */
public record CaseQueueSettings(Duration leaseTtl, Duration maintenanceEvery, int refusalsPerLease,
                                RetrySchedule retrySchedule) {

    public CaseQueueSettings {
        Objects.requireNonNull(leaseTtl, "leaseTtl");
        Objects.requireNonNull(maintenanceEvery, "maintenanceEvery");
        Objects.requireNonNull(retrySchedule, "retrySchedule");
        if (refusalsPerLease < 1) {
            throw new IllegalArgumentException("refusalsPerLease must be at least 1");
        }
    }

    public static CaseQueueSettings defaults() {
        return new CaseQueueSettings(Duration.ofMinutes(2), Duration.ofSeconds(1), 500, RetrySchedule.standard());
    }

    public CaseQueueSettings withLeaseTtl(Duration ttl) {
        return new CaseQueueSettings(ttl, maintenanceEvery, refusalsPerLease, retrySchedule);
    }

    public CaseQueueSettings withMaintenanceEvery(Duration every) {
        return new CaseQueueSettings(leaseTtl, every, refusalsPerLease, retrySchedule);
    }

    public CaseQueueSettings withRetrySchedule(RetrySchedule schedule) {
        return new CaseQueueSettings(leaseTtl, maintenanceEvery, refusalsPerLease, schedule);
    }
}
