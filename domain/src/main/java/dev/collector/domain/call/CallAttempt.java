package dev.collector.domain.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One dial of one number for one case, from originate to hang-up. The attempt id is ours (the
 * ActionID/ChannelId sent to the PBX), so recording the same attempt twice is harmless.
 *
 * @param hangupCause the Q.850 cause the PBX gave for the debtor's leg (16 normal, 17 busy,
 *                    19 no answer, 34 congestion), 0 when unknown
 */
public record CallAttempt(
        String attemptId,
        String caseId,
        String campaignId,
        String phoneNumber,
        Optional<String> agentId,
        Instant dialedAt,
        Optional<Instant> answeredAt,
        Instant endedAt,
        CallResult result,
        int hangupCause) {

    public CallAttempt {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(dialedAt, "dialedAt");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(result, "result");
    }

    public Duration ringTime() {
        return Duration.between(dialedAt, answeredAt.orElse(endedAt));
    }

    public Duration talkTime() {
        return answeredAt.map(a -> Duration.between(a, endedAt)).orElse(Duration.ZERO);
    }
}
