package dev.collector.dialer.campaign;

import java.time.Duration;
import java.util.Objects;

/**
 * How the calls of one campaign are placed on the PBX.
 *
 * @param channelTemplate dial string of a debtor's phone; {@code {number}} is the E.164 number
 *                        without its '+', {@code {e164}} with it (e.g. {@code PJSIP/{number}@trunk})
 * @param context         dialplan context the answered debtor leg continues in; the project's
 *                        dialplan (docker/asterisk) bridges it to {@code ${AGENT_ENDPOINT}}
 * @param ringTimeout     how long a phone rings before we give up; at least 15 s (regulators count
 *                        shorter rings as abandoned attempts)
 */
public record CampaignDialPlan(String campaignId, String channelTemplate, String context, String exten,
                               Duration ringTimeout, String callerId) {

    public static final Duration MINIMUM_RING = Duration.ofSeconds(15);

    public CampaignDialPlan {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(channelTemplate, "channelTemplate");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(exten, "exten");
        Objects.requireNonNull(callerId, "callerId");
        if (ringTimeout.compareTo(MINIMUM_RING) < 0) {
            throw new IllegalArgumentException("ringTimeout must be at least " + MINIMUM_RING.toSeconds() + " s");
        }
    }

    public String channelFor(String e164) {
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        return channelTemplate.replace("{number}", digits).replace("{e164}", e164);
    }
}
