package dev.collector.casequeue.transitions;

import com.hazelcast.map.EntryProcessor;
import dev.collector.compliance.ledger.ContactRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A call to the debtor ended (or its dialer is gone): the debtor may be dialed again, and what the
 * call was (a conversation about these debts, an abandoned call to this number) is remembered for
 * the guard.
 */
public final class EndDial implements EntryProcessor<String, ContactRecord, Boolean> {

    private final String attemptId;
    private final List<String> conversationAbout;
    private final String abandonedNumber;
    private final Instant at;
    private final List<String> withdrawnFrom;

    private EndDial(String attemptId, List<String> conversationAbout, String abandonedNumber, Instant at,
                    List<String> withdrawnFrom) {
        this.attemptId = attemptId;
        this.conversationAbout = List.copyOf(conversationAbout);
        this.abandonedNumber = abandonedNumber;
        this.at = at;
        this.withdrawnFrom = List.copyOf(withdrawnFrom);
    }

    /** The call was never placed: its attempt on these debts is taken back. */
    public static EndDial withdrawn(String attemptId, List<String> claimIds, Instant at) {
        return new EndDial(attemptId, List.of(), null, at, claimIds);
    }

    public static EndDial quietly(String attemptId, Instant at) {
        return new EndDial(attemptId, List.of(), null, at, List.of());
    }

    public static EndDial afterConversation(String attemptId, List<String> claimIds, Instant at) {
        return new EndDial(attemptId, claimIds, null, at, List.of());
    }

    public static EndDial afterAbandon(String attemptId, String number, Instant at) {
        return new EndDial(attemptId, List.of(), number, at, List.of());
    }

    @Override
    public Boolean process(Map.Entry<String, ContactRecord> entry) {
        if (entry.getValue() == null) {
            return false;
        }
        ContactRecord record = withdrawnFrom.isEmpty()
                ? entry.getValue().withDialEnded(attemptId)
                : entry.getValue().withDialWithdrawn(attemptId, withdrawnFrom);
        if (!conversationAbout.isEmpty()) {
            record = record.withConversation(conversationAbout, at);
        }
        if (abandonedNumber != null) {
            record = record.withAbandon(abandonedNumber, at);
        }
        entry.setValue(record);
        return true;
    }
}
