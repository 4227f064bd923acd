package dev.collector.app;

import dev.collector.console.supervisor.AgentsOnFloor;
import dev.collector.console.supervisor.FloorSnapshot;
import dev.collector.console.supervisor.FloorSource;
import dev.collector.dialer.campaign.DialerCounters;
import dev.collector.domain.casework.CallList;
import dev.collector.routing.roster.AgentRoster;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/** The supervisor wall's view of this node: the dialer's counters, the roster and the queue depth. */
final class FloorReport implements FloorSource {

    private final String campaignId;
    private final DialerCounters counters;
    private final CallList callList;
    private final AgentRoster roster;
    private final Clock clock;

    FloorReport(String campaignId, DialerCounters counters, CallList callList, AgentRoster roster, Clock clock) {
        this.campaignId = campaignId;
        this.counters = counters;
        this.callList = callList;
        this.roster = roster;
        this.clock = clock;
    }

    @Override
    public CompletionStage<FloorSnapshot> snapshot() {
        return callList.waiting(campaignId).thenApply(waiting -> {
            Map<String, Long> ended = counters.endedByResult().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
            long dialed = counters.dialedCount();
            return new FloorSnapshot(clock.instant(), campaignId, "progressive 1:1", dialed,
                    dialed - counters.endedCount(), waiting, ended, AgentsOnFloor.of(roster));
        });
    }
}
