package dev.collector.dialer.call;

/**
 * What the PBX tells us about one of our calls, already matched to its attempt id (we set the
 * Originate's ActionID and ChannelId to the attempt id, so both the response and the debtor
 * leg's events carry it). Independent of the AMI library so the call logic can be tested alone.
 */
public sealed interface CallSignal {

    String attemptId();

    /** The debtor's phone is ringing. */
    record Ringing(String attemptId) implements CallSignal {
    }

    /**
     * The Originate finished: reason 4 means answered, anything else a failure
     * (5 busy, 8 congestion, 3 no answer within the timeout, 0/1 could not be placed).
     */
    record OriginateFinished(String attemptId, int reason, String channel) implements CallSignal {
    }

    /** The debtor's leg entered a bridge with the agent's leg: they can hear each other. */
    record Bridged(String attemptId) implements CallSignal {
    }

    /** The debtor's leg hung up, with its Q.850 cause. */
    record HungUp(String attemptId, int cause) implements CallSignal {
    }

    /** Asterisk refused the Originate action itself (no response event will follow). */
    record Rejected(String attemptId, String message) implements CallSignal {
    }

    /**
     * The dial to the debtor's phone ended (DialEnd of the originated leg): {@code ANSWER},
     * {@code BUSY}, {@code CONGESTION}, {@code NOANSWER}, {@code CHANUNAVAIL}, {@code CANCEL}. It
     * comes before the OriginateResponse and stands in for it if that is lost with the session.
     */
    record DialEnded(String attemptId, String dialStatus) implements CallSignal {
    }

    /**
     * Asterisk's AMD() classified the answer (channel variable {@code AMDSTATUS}): {@code HUMAN},
     * {@code MACHINE}, {@code NOTSURE} or {@code HANGUP}.
     */
    record MachineDetection(String attemptId, String status) implements CallSignal {
        public boolean machine() {
            return "MACHINE".equalsIgnoreCase(status);
        }
    }

    /**
     * Found when the AMI session came back: the PBX no longer has the call, so it ended while we
     * were not listening, and its events are lost.
     */
    record Vanished(String attemptId) implements CallSignal {
    }
}
