package dev.collector.app;

import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.app.monitoring.FloorFacts;
import dev.collector.console.supervisor.AgentsOnFloor;
import dev.collector.console.supervisor.FloorSnapshot;
import dev.collector.console.supervisor.FloorSource;
import dev.collector.dialer.campaign.DialerCounters;
import dev.collector.dialer.campaign.PacingStatus;
import dev.collector.routing.roster.AgentRoster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The supervisor wall's view of this node: the dialer's counters, the roster, the queue depth and
 * the figures {@link FloorFacts} counts in the background.
 */
final class FloorReport implements FloorSource {

    private final String campaignId;
    private final DialerCounters counters;
    private final HazelcastCallList callList;
    /** Counting a large call list by status is a scan per status: the wall gets counts at most this old. */
    private static final Duration COUNTS_KEPT = Duration.ofSeconds(3);
    private volatile CompletableFuture<Map<String, Long>> counts;
    private volatile Instant countedAt = Instant.MIN;
    private final AgentRoster roster;
    private final FloorFacts facts;
    private final Clock clock;

    /** @param facts the slower figures (campaigns, today, calls per debtor, SLAs), counted in the background */
    FloorReport(String campaignId, DialerCounters counters, HazelcastCallList callList, AgentRoster roster,
                FloorFacts facts, Clock clock) {
        this.campaignId = campaignId;
        this.counters = counters;
        this.callList = callList;
        this.roster = roster;
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public CompletionStage<FloorSnapshot> snapshot() {
        return casesByStatus().thenApply(byStatus -> {
            long waiting = byStatus.getOrDefault(CaseStatus.WAITING.name(), 0L);
            Map<String, Long> ended = counters.endedByResult().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
            long dialed = counters.dialedCount();
            PacingStatus pacing = counters.pacing();
            String summary = pacing.modeInForce().equals(pacing.campaignMode())
                    ? String.format("%s, %.2f calls per agent", pacing.campaignMode().toLowerCase(), pacing.callsPerAgent())
                    : String.format("%s held %s by the governor", pacing.campaignMode().toLowerCase(),
                            pacing.modeInForce().toLowerCase());
            return new FloorSnapshot(clock.instant(), campaignId, summary, dialed,
                    dialed - counters.endedCount(), waiting, byStatus, ended, AgentsOnFloor.of(roster),
                    new FloorSnapshot.PacingOnFloor(pacing.campaignMode(), pacing.modeInForce(), pacing.callsPerAgent(),
                            pacing.abandonsInWindow(), pacing.answeredInWindow(), pacing.abandonCap(),
                            pacing.window().toDays() + " days",
                            pacing.governorEngagedAt().map(Object::toString).orElse(""), pacing.reason()),
                    facts.detail());
        });
    }

    private CompletionStage<Map<String, Long>> casesByStatus() {
        Instant now = clock.instant();
        if (counts == null || now.isAfter(countedAt.plus(COUNTS_KEPT))) {
            countedAt = now;
            CompletableFuture<Map<String, Long>> all = CompletableFuture.completedFuture(new HashMap<>());
            for (CaseStatus status : CaseStatus.values()) {
                all = all.thenCombine(callList.count(campaignId, status).toCompletableFuture(), (map, n) -> {
                    map.put(status.name(), n.longValue());
                    return map;
                });
            }
            counts = all;
        }
        return counts;
    }
}
