package dev.collector.casequeue;

import java.io.Serializable;
import java.util.Comparator;

/** Queue order: higher priority first, then earlier admission. Hazelcast instantiates it by name. */
public final class QueuedCaseOrder implements Comparator<QueuedCase>, Serializable {

    @Override
    public int compare(QueuedCase a, QueuedCase b) {
        int byPriority = Integer.compare(b.priority(), a.priority());
        return byPriority != 0 ? byPriority : Long.compare(a.admission(), b.admission());
    }
}
