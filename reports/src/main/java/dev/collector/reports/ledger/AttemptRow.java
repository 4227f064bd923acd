package dev.collector.reports.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One call attempt as reports read it. {@code agentId} is empty for a call no agent took. */
public record AttemptRow(String attemptId, String caseId, String campaignId, String agentId, String team,
        String segment, String strategy, boolean champion, String channel, String result, Instant dialedAt,
        Optional<Instant> answeredAt, Instant endedAt, BigDecimal cost) {

    public Duration talkTime() {
        return answeredAt.map(a -> Duration.between(a, endedAt)).orElse(Duration.ZERO);
    }
}
