package dev.collector.casequeue;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Queue order: higher rank first, then lower ticket. Tickets are flake ids, growing with time, so
 * equal ranks are served first come first served. Hazelcast instantiates it by name.
 */
public final class QueuedCaseOrder implements Comparator<QueuedCase>, Serializable {

    @Override
    public int compare(QueuedCase a, QueuedCase b) {
        int byRank = Long.compare(b.rank(), a.rank());
        return byRank != 0 ? byRank : Long.compare(a.ticket(), b.ticket());
    }
}
