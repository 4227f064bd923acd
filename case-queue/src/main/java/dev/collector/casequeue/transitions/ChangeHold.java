package dev.collector.casequeue.transitions;

import com.hazelcast.map.EntryProcessor;
import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import java.util.Map;

/** Places or lifts a hold in the debtor's contact record. */
public final class ChangeHold implements EntryProcessor<String, ContactRecord, Boolean> {

    private final Hold placed;
    private final HoldReason liftedReason;
    private final String liftedSubject;

    private ChangeHold(Hold placed, HoldReason liftedReason, String liftedSubject) {
        this.placed = placed;
        this.liftedReason = liftedReason;
        this.liftedSubject = liftedSubject;
    }

    public static ChangeHold place(Hold hold) {
        return new ChangeHold(hold, null, null);
    }

    public static ChangeHold lift(HoldReason reason, String subject) {
        return new ChangeHold(null, reason, subject);
    }

    /** @return whether the record changed */
    @Override
    public Boolean process(Map.Entry<String, ContactRecord> entry) {
        ContactRecord record = entry.getValue() == null ? ContactRecord.empty(entry.getKey()) : entry.getValue();
        ContactRecord changed = placed != null ? record.withHold(placed) : record.withoutHold(liftedReason, liftedSubject);
        if (changed.equals(record) && entry.getValue() != null) {
            return false;
        }
        entry.setValue(changed);
        return true;
    }
}
