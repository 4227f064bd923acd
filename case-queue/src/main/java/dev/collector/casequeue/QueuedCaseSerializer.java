package dev.collector.casequeue;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import java.io.IOException;

/**
 * Writes a queue entry as its three fields. A priority queue compares every new entry with its
 * neighbours, deserializing it first: with Java serialization that cost more than the rest of
 * putting a case in its queue (a tenth of a bulk load's CPU).
 */
final class QueuedCaseSerializer implements StreamSerializer<QueuedCase> {

    /** Hazelcast's id for this type; positive ids are the application's. */
    static final int TYPE_ID = 1001;

    @Override
    public int getTypeId() {
        return TYPE_ID;
    }

    @Override
    public void write(ObjectDataOutput out, QueuedCase entry) throws IOException {
        out.writeString(entry.caseId());
        out.writeLong(entry.rank());
        out.writeLong(entry.ticket());
    }

    @Override
    public QueuedCase read(ObjectDataInput in) throws IOException {
        return new QueuedCase(in.readString(), in.readLong(), in.readLong());
    }
}
