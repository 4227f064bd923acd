package dev.collector.dialer.call;

import java.util.Map;
import java.util.Objects;

/**
 * A campaign's answering-machine detection: whether the answered leg runs Asterisk's AMD() before
 * anything else, and what happens to machines.
 *
 * @param detect         run AMD() on every answered call (it costs the debtor about two seconds
 *                       of silence, which is why it is a campaign's choice)
 * @param policy         what to do with a machine
 * @param machineMessage sound file played to a machine under {@link MachinePolicy#LEAVE_MESSAGE}
 */
public record MachineHandling(boolean detect, MachinePolicy policy, String machineMessage) {

    /** The dialplan extension that runs AMD() first, in both the hold and the connect context. */
    public static final String AMD_EXTEN = "amd";

    public MachineHandling {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(machineMessage, "machineMessage");
        if (detect && policy == MachinePolicy.LEAVE_MESSAGE && machineMessage.isBlank()) {
            throw new IllegalArgumentException("machineMessage must name a sound file to leave a message");
        }
    }

    /** No detection: machines are taken for people, as before AMD existed. */
    public static MachineHandling off() {
        return new MachineHandling(false, MachinePolicy.PASS_TO_AGENT, "collector/machine-message");
    }

    public static MachineHandling detecting(MachinePolicy policy, String machineMessage) {
        return new MachineHandling(true, policy, machineMessage);
    }

    /** The channel variables the dialplan reads at Originate. */
    public Map<String, String> channelVariables() {
        return detect ? Map.of("MACHINE_POLICY", policy.dialplanValue(), "MACHINE_MESSAGE", machineMessage) : Map.of();
    }
}
