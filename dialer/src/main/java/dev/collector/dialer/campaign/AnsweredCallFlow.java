package dev.collector.dialer.campaign;

import dev.collector.dialer.call.MachineHandling;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a call placed ahead of the agents goes in the dialplan (docker/asterisk): it is originated
 * into the hold context; once an agent is chosen the dialer sets {@code AGENT_ENDPOINT} and
 * redirects it to the campaign's connect context ({@link CampaignDialPlan#context()}); when no agent
 * is free within {@code agentWait} of the answer, it redirects it to the safe-harbour context, which
 * plays {@code safeHarbourMessage} (a sound file naming the creditor and a number to call back) and
 * hangs up.
 *
 * @param agentWait the regulators' 2 seconds between a person's answer and an agent or the message
 * @param machines  answering-machine detection and what to do with machines (with detection on, the
 *                  calls are originated to the {@code amd} extension of their context)
 */
public record AnsweredCallFlow(String holdContext, String holdExten, String safeHarbourContext,
                               String safeHarbourExten, String safeHarbourMessage, Duration agentWait,
                               MachineHandling machines) {

    public static final Duration REGULATORY_AGENT_WAIT = Duration.ofSeconds(2);

    public AnsweredCallFlow {
        Objects.requireNonNull(holdContext, "holdContext");
        Objects.requireNonNull(holdExten, "holdExten");
        Objects.requireNonNull(safeHarbourContext, "safeHarbourContext");
        Objects.requireNonNull(safeHarbourExten, "safeHarbourExten");
        Objects.requireNonNull(safeHarbourMessage, "safeHarbourMessage");
        Objects.requireNonNull(machines, "machines");
        if (agentWait.isNegative() || agentWait.compareTo(REGULATORY_AGENT_WAIT) > 0) {
            throw new IllegalArgumentException("agentWait must be within 0-2 s (FTC and Ofcom): " + agentWait);
        }
    }

    /** Without answering-machine detection. */
    public AnsweredCallFlow(String holdContext, String holdExten, String safeHarbourContext, String safeHarbourExten,
                            String safeHarbourMessage, Duration agentWait) {
        this(holdContext, holdExten, safeHarbourContext, safeHarbourExten, safeHarbourMessage, agentWait,
                MachineHandling.off());
    }

    /** The contexts of the shipped dialplan and the 2-second rule. */
    public static AnsweredCallFlow defaults() {
        return new AnsweredCallFlow("collector-hold", "debtor", "collector-safe-harbour", "message",
                "collector/safe-harbour", REGULATORY_AGENT_WAIT);
    }

    public AnsweredCallFlow withSafeHarbourMessage(String soundFile) {
        return new AnsweredCallFlow(holdContext, holdExten, safeHarbourContext, safeHarbourExten, soundFile, agentWait,
                machines);
    }

    public AnsweredCallFlow withMachines(MachineHandling handling) {
        return new AnsweredCallFlow(holdContext, holdExten, safeHarbourContext, safeHarbourExten, safeHarbourMessage,
                agentWait, handling);
    }
}
