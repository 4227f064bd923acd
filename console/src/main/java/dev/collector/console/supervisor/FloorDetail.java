package dev.collector.console.supervisor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the wall shows beyond the dialer's own counters: every campaign and whether it dials, the
 * day so far, the oldest case waiting, how hard debtors are being called, the follow-up tasks
 * against their SLA, and whether the parts of the node answer.
 *
 * @param today            the dialed campaign's person-answered calls and abandons since midnight
 * @param oldestWaiting    when the longest-waiting case of the campaign reached us
 * @param health           part name (hazelcast, cassandra, ami, grpc) to whether it answers; empty
 *                         when the node does not report it
 */
public record FloorDetail(List<CampaignOnFloor> campaigns, DayCounts today, Optional<Instant> oldestWaiting,
                          CallsPerDebtor callsPerDebtor, SlaTasks sla, Map<String, Boolean> health) {

    public FloorDetail {
        campaigns = List.copyOf(campaigns);
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(oldestWaiting, "oldestWaiting");
        Objects.requireNonNull(callsPerDebtor, "callsPerDebtor");
        Objects.requireNonNull(sla, "sla");
        health = Map.copyOf(health);
    }

    /** Nothing known beyond the dialer's counters: a console without a node behind it. */
    public static FloorDetail none() {
        return new FloorDetail(List.of(), new DayCounts(0, 0), Optional.empty(), CallsPerDebtor.unknown(),
                SlaTasks.unknown(), Map.of());
    }

    public FloorDetail withHealth(Map<String, Boolean> parts) {
        return new FloorDetail(campaigns, today, oldestWaiting, callsPerDebtor, sla, parts);
    }

    /** A campaign as the supervisor steers it. */
    public record CampaignOnFloor(String campaignId, String displayName, String state, String dialMode) {
    }

    /** Person-answered calls and abandons of the day, for the abandon rate "today" beside the window's. */
    public record DayCounts(long answered, long abandoned) {
        public double abandonRate() {
            return answered == 0 ? 0 : abandoned / (double) answered;
        }
    }

    /**
     * Calls per debtor over today and over the last seven days: how many debtors were called and how
     * often the most-called one was, the figure contact-frequency rules cap.
     *
     * @param known false until first counted
     */
    public record CallsPerDebtor(boolean known, long debtorsToday, long callsToday, int mostToday,
                                 long debtorsThisWeek, long callsThisWeek, int mostThisWeek) {
        public static CallsPerDebtor unknown() {
            return new CallsPerDebtor(false, 0, 0, 0, 0, 0, 0);
        }
    }

    /**
     * Follow-up tasks against their deadline.
     *
     * @param nearDue open tasks whose deadline falls within the warning horizon
     * @param pastDue tasks escalated today for a missed deadline (SLA breaches)
     * @param known   false when follow-ups are off or not counted yet
     */
    public record SlaTasks(boolean known, long nearDue, long pastDue) {
        public static SlaTasks unknown() {
            return new SlaTasks(false, 0, 0);
        }
    }
}
