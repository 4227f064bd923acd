package dev.collector.dialer.call;

/**
 * What a campaign does with a call that answering-machine detection says reached a machine. The
 * shipped dialplan reads it from the channel variable {@code MACHINE_POLICY} set at Originate.
 */
public enum MachinePolicy {
    /** Hang up at once: the case is tried again later, as an unanswered call. */
    HANG_UP("hangup"),
    /** Wait for the beep, play the campaign's message (a call-back request), hang up. */
    LEAVE_MESSAGE("message"),
    /** Treat it as a person: an agent takes it (and may leave a message himself). */
    PASS_TO_AGENT("agent");

    private final String dialplanValue;

    MachinePolicy(String dialplanValue) {
        this.dialplanValue = dialplanValue;
    }

    /** The value of {@code MACHINE_POLICY} in the dialplan. */
    public String dialplanValue() {
        return dialplanValue;
    }

    /** {@code hang-up}, {@code leave-message}, {@code pass-to-agent} (or the dialplan values), any case. */
    public static MachinePolicy parse(String text, String field) {
        String wanted = text.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        for (MachinePolicy policy : values()) {
            if (policy.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(wanted)
                    || policy.dialplanValue.equals(wanted)) {
                return policy;
            }
        }
        throw new IllegalArgumentException(field + " must be hang-up, leave-message or pass-to-agent: '" + text + "'");
    }
}
