package dev.collector.app.monitoring;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.campaigns.HazelcastCampaigns;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.console.supervisor.FloorDetail;
import dev.collector.dialer.window.WindowCounts;
import dev.collector.domain.campaign.Campaign;
import dev.collector.followups.store.CassandraFollowUpStore;
import dev.collector.followups.store.ScheduleEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall's slower figures, counted in the background on one thread of their own, each as often
 * as it is worth: campaigns and today's abandons every 2 s, the oldest waiting case every 5 s,
 * follow-up SLAs every 30 s and calls per debtor every minute (a pass over every contact record).
 * The wall reads the last counts and never waits on Hazelcast or Cassandra.
 */
public final class FloorFacts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FloorFacts.class);
    /** At most this many near-due deadlines are looked up per count: the wall shows "500+" beyond. */
    static final int SLA_LOOKUPS = 500;

    private final String campaignId;
    private final IMap<String, Campaign> campaigns;
    private final IMap<String, ContactRecord> contactRecords;
    private final IMap<String, CaseEntry> cases;
    private final IMap<String, WindowCounts> abandonWindows;
    private final Optional<CassandraFollowUpStore> followUps;
    private final Duration slaHorizon;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "floor-facts");
        thread.setDaemon(true);
        return thread;
    });

    private volatile List<FloorDetail.CampaignOnFloor> campaignList = List.of();
    private volatile FloorDetail.DayCounts today = new FloorDetail.DayCounts(0, 0);
    private volatile Optional<Instant> oldestWaiting = Optional.empty();
    private volatile FloorDetail.CallsPerDebtor callsPerDebtor = FloorDetail.CallsPerDebtor.unknown();
    private volatile FloorDetail.SlaTasks sla = FloorDetail.SlaTasks.unknown();

    /**
     * @param abandonWindowsMap the map the dialer keeps its compliance-window counts in
     * @param followUps         the follow-up store when follow-ups run, for the SLA figures
     * @param slaHorizon        an open task whose deadline is this close is "near due"
     */
    public FloorFacts(HazelcastInstance hazelcast, String campaignId, String abandonWindowsMap,
                      Optional<CassandraFollowUpStore> followUps, Duration slaHorizon, Clock clock) {
        this.campaignId = campaignId;
        this.campaigns = hazelcast.getMap(HazelcastCampaigns.CAMPAIGNS);
        this.contactRecords = hazelcast.getMap(HazelcastCallList.CONTACT_RECORDS);
        this.cases = hazelcast.getMap(HazelcastCallList.CASES);
        this.abandonWindows = hazelcast.getMap(abandonWindowsMap);
        this.followUps = followUps;
        this.slaHorizon = slaHorizon;
        this.clock = clock;
    }

    public FloorFacts start() {
        every(Duration.ofSeconds(2), "campaigns", this::countCampaigns);
        every(Duration.ofSeconds(2), "today's abandons", this::countToday);
        every(Duration.ofSeconds(5), "oldest waiting case", this::findOldestWaiting);
        every(Duration.ofSeconds(60), "calls per debtor", this::countCallsPerDebtor);
        if (followUps.isPresent()) {
            every(Duration.ofSeconds(30), "follow-up SLAs", this::countSla);
        }
        return this;
    }

    /** The last counts. */
    public FloorDetail detail() {
        return new FloorDetail(campaignList, today, oldestWaiting, callsPerDebtor, sla, Map.of());
    }

    /** Recounts the campaigns now, after a supervisor changed one; blocks: call it from a worker. */
    void recountCampaigns() {
        countCampaigns();
    }

    private void every(Duration period, String what, Runnable count) {
        worker.scheduleWithFixedDelay(() -> {
            try {
                count.run();
            } catch (RuntimeException e) {
                log.warn("Supervisor wall: {} not counted: {}", what, e.toString());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void countCampaigns() {
        campaignList = campaigns.values().stream()
                .sorted(Comparator.comparing(Campaign::campaignId))
                .map(c -> new FloorDetail.CampaignOnFloor(c.campaignId(), c.displayName(), c.state().name(),
                        c.dialMode().name()))
                .toList();
    }

    private void countToday() {
        Instant now = clock.instant();
        Duration sinceMidnight = Duration.between(now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant(),
                now);
        WindowCounts counts = abandonWindows.get(campaignId);
        // the window keeps whole hours and midnight starts one: the day's counts are exact
        today = counts == null ? new FloorDetail.DayCounts(0, 0)
                : new FloorDetail.DayCounts(counts.answered(sinceMidnight, now), counts.abandoned(sinceMidnight, now));
    }

    private void findOldestWaiting() {
        long oldest = cases.aggregate(new OldestWaitingAggregator(),
                Predicates.equal("campaignStatus", CaseEntry.campaignStatus(campaignId, CaseStatus.WAITING)));
        oldestWaiting = oldest == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest));
    }

    private void countCallsPerDebtor() {
        Instant now = clock.instant();
        Instant dayStart = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        callsPerDebtor = contactRecords.aggregate(new CallsPerDebtorAggregator(dayStart, now.minus(Duration.ofDays(7))));
    }

    private void countSla() {
        CassandraFollowUpStore store = followUps.orElseThrow();
        Instant now = clock.instant();
        Instant until = now.plus(slaHorizon);
        Set<String> deadlines = new LinkedHashSet<>();
        for (Instant bucket = CassandraFollowUpStore.bucketOf(now); !bucket.isAfter(until);
             bucket = bucket.plus(Duration.ofHours(1))) {
            for (ScheduleEntry entry : store.dueIn(bucket, until)) {
                if (entry.purpose() == ScheduleEntry.Purpose.DEADLINE && entry.dueAt().isAfter(now)) {
                    deadlines.add(entry.taskId());
                }
            }
        }
        // a done task keeps its deadline entry until the sweep passes it: only open ones are near due
        long nearDue = deadlines.stream().limit(SLA_LOOKUPS)
                .filter(taskId -> store.find(taskId).map(t -> t.status().isOpen()).orElse(false))
                .count();
        long pastDue = store.escalationsOn(now.atOffset(ZoneOffset.UTC).toLocalDate()).stream()
                .filter(e -> e.reason().startsWith("SLA missed"))
                .count();
        sla = new FloorDetail.SlaTasks(true, nearDue, pastDue);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
