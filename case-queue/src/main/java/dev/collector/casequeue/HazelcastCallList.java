package dev.collector.casequeue;

import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import com.hazelcast.aggregation.Aggregators;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.casequeue.transitions.ApplyDisposition;
import dev.collector.casequeue.transitions.CallEndedOnCase;
import dev.collector.casequeue.transitions.CancelCase;
import dev.collector.casequeue.transitions.ChangeHold;
import dev.collector.casequeue.transitions.EndDial;
import dev.collector.casequeue.transitions.EndLease;
import dev.collector.casequeue.transitions.GuardDial;
import dev.collector.casequeue.transitions.LeaseIfWaiting;
import dev.collector.casequeue.transitions.Postpone;
import dev.collector.casequeue.transitions.Requeue;
import dev.collector.casequeue.transitions.StartDialing;
import dev.collector.compliance.audit.AuditRecord;
import dev.collector.compliance.audit.ComplianceAudit;
import dev.collector.compliance.guard.DialRequest;
import dev.collector.compliance.guard.Refusal;
import dev.collector.compliance.guard.Verdict;
import dev.collector.compliance.ledger.ActiveDial;
import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Admission;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.DialLease;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call list kept in Hazelcast, shared by every dialer node of the cluster.
 *
 * <p>The case map is the truth: each case with its state (waiting, scheduled, leased, held,
 * closed), changed only by entry processors, atomically on the member that owns it. The
 * per-campaign priority queues are an index over the waiting cases: an entry carries a ticket, and
 * only the entry whose ticket the case holds stands for it. That makes re-ranking cheap (offer a new
 * entry; the old one is dropped when it comes up) and lets every change follow one order: offer the
 * queue entry first, then commit the state. A crash in between leaves a stale entry, never a
 * waiting case without one.
 *
 * <p>Before a leased case is dialed, the compliance guard is asked on the member owning the
 * debtor's contact record, which counts the attempt in the same step. Refused cases are
 * rescheduled for when the refusal lapses, or held until a hold is lifted.
 *
 * <p>Hazelcast queues have no asynchronous API, so work runs on the given executor (a worker
 * pool), never on the caller's thread.
 */
public final class HazelcastCallList implements CallList, ContactRestrictions {

    private static final Logger log = LoggerFactory.getLogger(HazelcastCallList.class);

    static final String QUEUE_PREFIX = "campaign-queue.";
    public static final String CASES = "cases";
    public static final String CONTACT_RECORDS = "contact-records";
    public static final String DO_NOT_CALL = "do-not-call";
    public static final String CAMPAIGN_RULES = "campaign-rules";
    static final String QUEUE_INDEX = "queue-index";
    /** Q.850 causes that say the number itself is wrong: unallocated, invalid format. */
    private static final Set<Integer> INVALID_NUMBER_CAUSES = Set.of(1, 28);

    private final HazelcastInstance hazelcast;
    private final Executor worker;
    private final CaseQueueSettings settings;
    private final ComplianceAudit audit;
    private final Clock clock;
    private final IMap<String, CaseEntry> cases;
    private final IMap<String, ContactRecord> records;
    private final IMap<String, String> doNotCall;
    private final IMap<String, CampaignRules> campaignRules;
    private final IMap<String, dev.collector.domain.campaign.Campaign> campaigns;
    private final FlakeIdGenerator tickets;
    private final CaseAdmission admission;
    private final String holder;
    /** This node's leases (case id → attempt id), renewed by the maintenance. */
    private final Map<String, String> ownLeases = new ConcurrentHashMap<>();

    public HazelcastCallList(HazelcastInstance hazelcast, Executor worker, CaseQueueSettings settings,
                             ComplianceAudit audit, Clock clock) {
        this.hazelcast = hazelcast;
        this.worker = worker;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.cases = hazelcast.getMap(CASES);
        this.records = hazelcast.getMap(CONTACT_RECORDS);
        this.doNotCall = hazelcast.getMap(DO_NOT_CALL);
        this.campaignRules = hazelcast.getMap(CAMPAIGN_RULES);
        this.campaigns = hazelcast.getMap(dev.collector.casequeue.campaigns.HazelcastCampaigns.CAMPAIGNS);
        // Flake ids grow with time across members: enough to break ties between equal ranks.
        this.tickets = hazelcast.getFlakeIdGenerator("case-tickets");
        this.admission = new CaseAdmission(this, hazelcast, cases, tickets, worker);
        this.holder = hazelcast.getCluster().getLocalMember().getUuid().toString();
        rebuildQueuesIfFirst();
    }

    /** The lease holder name of this node: its Hazelcast member uuid. */
    public String holder() {
        return holder;
    }

    /** Promotes due retries and reclaims lapsed leases; see {@link CaseQueueMaintenance}. */
    public CaseQueueMaintenance maintenance() {
        return new CaseQueueMaintenance(this);
    }

    // --- CallList --------------------------------------------------------------------------------

    @Override
    public CompletionStage<Void> admit(Case aCase) {
        return admitAll(List.of(aCase)).thenApply(admissions -> null);
    }

    /** See {@link CaseAdmission}. */
    @Override
    public CompletionStage<List<Admission>> admitAll(List<Case> batch, Predicate<Case> mayReplaceHeld) {
        return admission.admitAll(batch, mayReplaceHeld);
    }

    @Override
    public CompletionStage<Optional<DialLease>> leaseNext(String campaignId) {
        return CompletableFuture.supplyAsync(() -> leaseNextNow(campaignId), worker);
    }

    private Optional<DialLease> leaseNextNow(String campaignId) {
        // Paused or closed: not dialed. A campaign never created (internal use, the demo) dials.
        dev.collector.domain.campaign.Campaign campaign = campaigns.get(campaignId);
        if (campaign != null && !campaign.dials()) {
            return Optional.empty();
        }
        IQueue<QueuedCase> queue = queueOf(campaignId);
        int refusals = 0;
        while (refusals < settings.refusalsPerLease()) {
            QueuedCase next = queue.poll();
            if (next == null) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            String attemptId = UUID.randomUUID().toString();
            CaseEntry leased = cases.executeOnKey(next.caseId(),
                    new LeaseIfWaiting(next.ticket(), holder, attemptId, now.plus(settings.leaseTtl())));
            if (leased == null) {
                continue; // a stale queue entry: the case was re-ranked, taken or closed since
            }
            ownLeases.put(next.caseId(), attemptId);
            Case aCase = leased.aCase();
            Verdict verdict = records.executeOnKey(aCase.debtor().debtorId(), new GuardDial(
                    new DialRequest(aCase, now, leased.callbackRequested()), rulesOf(campaignId),
                    doNotCallAmong(aCase.phoneNumbers()),
                    new ActiveDial(attemptId, aCase.caseId(), campaignId, holder, now), liveHolders()));
            if (verdict instanceof Verdict.Permitted permitted) {
                CaseEntry dialing = cases.executeOnKey(aCase.caseId(),
                        new StartDialing(holder, attemptId, permitted.phoneNumber()));
                if (dialing == null) {
                    // Our lease lapsed between two steps (a stalled node): the dial is void.
                    records.executeOnKey(aCase.debtor().debtorId(), EndDial.quietly(attemptId, now));
                    ownLeases.remove(aCase.caseId());
                    continue;
                }
                keep(new AuditRecord(now, aCase.caseId(), aCase.debtor().debtorId(), campaignId, "PERMITTED",
                        permitted.phoneNumber(), attemptId, permitted.skipped()));
                return Optional.of(new DialLease(attemptId, aCase, permitted.phoneNumber(), holder, now,
                        now.plus(settings.leaseTtl())));
            }
            Verdict.Refused refused = (Verdict.Refused) verdict;
            keep(new AuditRecord(now, aCase.caseId(), aCase.debtor().debtorId(), campaignId, "REFUSED", "", "",
                    refused.refusals()));
            String why = refused.refusals().stream().map(Refusal::rule).distinct().collect(Collectors.joining(", "));
            cases.executeOnKey(aCase.caseId(), refused.held()
                    ? EndLease.hold(holder, attemptId, why)
                    : EndLease.schedule(holder, attemptId, refused.retryAt(), why, leased.callbackRequested()));
            ownLeases.remove(aCase.caseId());
            refusals++;
        }
        return Optional.empty();
    }

    @Override
    public CompletionStage<Void> notDialed(DialLease lease) {
        return CompletableFuture.runAsync(() -> {
            long ticket = tickets.newId();
            long rank = rankOf(lease.aCase());
            queueOf(lease.aCase().campaignId()).offer(new QueuedCase(lease.caseId(), rank, ticket));
            CaseEntry requeued = cases.executeOnKey(lease.caseId(),
                    EndLease.notDialed(lease.holder(), lease.attemptId(), ticket, rank));
            if (requeued != null) {
                // The dialer knows the call was never placed: the attempt is not counted after all.
                records.executeOnKey(lease.aCase().debtor().debtorId(),
                        EndDial.withdrawn(lease.attemptId(), claimIdsOf(lease.aCase()), clock.instant()));
            }
            ownLeases.remove(lease.caseId());
        }, worker);
    }

    @Override
    public CompletionStage<Void> callEnded(DialLease lease, CallAttempt attempt) {
        return CompletableFuture.runAsync(() -> {
            Case aCase = lease.aCase();
            String debtorId = aCase.debtor().debtorId();
            CallResult result = attempt.result();
            EndDial end;
            if (result == CallResult.ANSWERED) {
                end = EndDial.afterConversation(attempt.attemptId(), claimIdsOf(aCase), attempt.answeredAt().orElse(attempt.endedAt()));
            } else if (result == CallResult.ABANDONED) {
                end = EndDial.afterAbandon(attempt.attemptId(), attempt.phoneNumber(), attempt.answeredAt().orElse(attempt.endedAt()));
            } else {
                end = EndDial.quietly(attempt.attemptId(), attempt.endedAt());
            }
            records.executeOnKey(debtorId, end);
            if (result == CallResult.FAILED && INVALID_NUMBER_CAUSES.contains(attempt.hangupCause())) {
                records.executeOnKey(debtorId, ChangeHold.place(new Hold(HoldReason.INVALID_NUMBER, attempt.phoneNumber(),
                        "dialer: cause " + attempt.hangupCause(), attempt.endedAt())));
            }
            cases.executeOnKey(lease.caseId(), new CallEndedOnCase(lease.holder(), lease.attemptId(), result,
                    attempt.endedAt(), settings.retrySchedule()));
            if (result != CallResult.ANSWERED) {
                ownLeases.remove(lease.caseId());
            }
        }, worker);
    }

    @Override
    public CompletionStage<Void> dispositionRecorded(Outcome outcome) {
        return CompletableFuture.runAsync(() -> {
            CaseEntry before = cases.executeOnKey(outcome.caseId(), new ApplyDisposition(outcome.attemptId(),
                    outcome.disposition(), outcome.recordedAt(), settings.retrySchedule()));
            ownLeases.remove(outcome.caseId(), outcome.attemptId());
            if (before == null) {
                log.info("Disposition of {} arrived after its case {} moved on", outcome.attemptId(), outcome.caseId());
                return;
            }
            if (outcome.disposition() instanceof Disposition.Disputed) {
                // Held per debt: the CRM closes the dispute on each claim (liftHold), which requeues the case.
                for (String claimId : claimIdsOf(before.aCase())) {
                    records.executeOnKey(outcome.debtorId(), ChangeHold.place(new Hold(HoldReason.DISPUTE_OPEN, claimId,
                            "agent " + outcome.agentId(), outcome.recordedAt())));
                }
            }
            if (outcome.disposition() instanceof Disposition.WrongParty && before.phoneNumber().isPresent()) {
                // Someone else's phone: never dial this debtor on it again unless the CRM says otherwise.
                records.executeOnKey(outcome.debtorId(), ChangeHold.place(new Hold(HoldReason.INVALID_NUMBER,
                        before.phoneNumber().get(), "agent " + outcome.agentId() + ": wrong party", outcome.recordedAt())));
            }
        }, worker);
    }

    @Override
    public CompletionStage<Boolean> postpone(String caseId, Instant until, String reason) {
        return cases.submitToKey(caseId, new Postpone(until, reason));
    }

    @Override
    public CompletionStage<Void> cancel(String caseId, String reason) {
        return CompletableFuture.runAsync(() -> cases.executeOnKey(caseId, new CancelCase(reason)), worker);
    }

    @Override
    public CompletionStage<Optional<Case>> find(String caseId) {
        return cases.getAsync(caseId).thenApply(entry -> Optional.ofNullable(entry).map(CaseEntry::aCase));
    }

    /** The case with its state, for supervisors, tests and the CRM's history view. */
    public CompletionStage<Optional<CaseEntry>> entryOf(String caseId) {
        return cases.getAsync(caseId).thenApply(Optional::ofNullable);
    }

    @Override
    public CompletionStage<Integer> waiting(String campaignId) {
        return count(campaignId, CaseStatus.WAITING);
    }

    public CompletionStage<Integer> count(String campaignId, CaseStatus status) {
        return CompletableFuture.supplyAsync(() -> cases.aggregate(Aggregators.count(),
                Predicates.equal("campaignStatus", CaseEntry.campaignStatus(campaignId, status))).intValue(), worker);
    }

    // --- ContactRestrictions ---------------------------------------------------------------------

    @Override
    public CompletionStage<Void> placeHold(String debtorId, Hold hold) {
        return records.submitToKey(debtorId, ChangeHold.place(hold)).thenApply(changed -> null);
    }

    @Override
    public CompletionStage<Void> liftHold(String debtorId, HoldReason reason, String subject) {
        return records.submitToKey(debtorId, ChangeHold.lift(reason, subject))
                .thenComposeAsync(changed -> {
                    requeueHeldCasesOf(debtorId, "hold lifted: " + reason);
                    return CompletableFuture.<Void>completedFuture(null);
                }, worker);
    }

    @Override
    public CompletionStage<Void> addToDoNotCall(String phoneNumber, String reason) {
        return doNotCall.setAsync(phoneNumber, reason);
    }

    @Override
    public CompletionStage<Void> removeFromDoNotCall(String phoneNumber) {
        return doNotCall.deleteAsync(phoneNumber).thenApply(removed -> null);
    }

    @Override
    public CompletionStage<Optional<ContactRecord>> recordOf(String debtorId) {
        return records.getAsync(debtorId).thenApply(Optional::ofNullable);
    }

    @Override
    public CompletionStage<Void> defineRules(CampaignRules rules) {
        return campaignRules.setAsync(rules.campaignId(), rules);
    }

    // --- for CaseQueueMaintenance ----------------------------------------------------------------

    IMap<String, CaseEntry> cases() {
        return cases;
    }

    IMap<String, ContactRecord> records() {
        return records;
    }

    HazelcastInstance hazelcast() {
        return hazelcast;
    }

    Map<String, String> ownLeases() {
        return ownLeases;
    }

    CaseQueueSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    /** Offers a fresh queue entry for the case and returns its ticket; commit the state after. */
    long offerFresh(Case aCase) {
        long ticket = tickets.newId();
        queueOf(aCase.campaignId()).offer(new QueuedCase(aCase.caseId(), rankOf(aCase), ticket));
        return ticket;
    }

    long rankOf(Case aCase) {
        return CaseRanking.rankOf(aCase, LocalDate.now(clock));
    }

    // --- internals -------------------------------------------------------------------------------

    private void requeueHeldCasesOf(String debtorId, String why) {
        Set<String> held = cases.keySet(Predicates.and(
                Predicates.equal("debtorId", debtorId), Predicates.equal("status", CaseStatus.HELD.name())));
        for (String caseId : held) {
            CaseEntry entry = cases.get(caseId);
            if (entry != null && entry.status() == CaseStatus.HELD) {
                long ticket = offerFresh(entry.aCase());
                cases.executeOnKey(caseId, Requeue.released(ticket, rankOf(entry.aCase()), why));
            }
        }
    }

    /**
     * The queues are not stored: after the whole cluster restarted, the first member to get here
     * rebuilds them from the case map (which is).
     */
    private void rebuildQueuesIfFirst() {
        IMap<String, String> index = hazelcast.getMap(QUEUE_INDEX);
        if (index.putIfAbsent("built", holder) != null) {
            return;
        }
        long begin = System.nanoTime();
        int offered = 0;
        // Not indexed by status alone: a full scan, once per cluster start.
        for (Map.Entry<String, CaseEntry> e : cases.entrySet(Predicates.equal("status", CaseStatus.WAITING.name()))) {
            CaseEntry entry = e.getValue();
            queueOf(entry.aCase().campaignId()).offer(new QueuedCase(e.getKey(), entry.rank(), entry.ticket()));
            offered++;
        }
        if (offered > 0) {
            log.info("Rebuilt the campaign queues from {} waiting cases in {} ms", offered,
                    (System.nanoTime() - begin) / 1_000_000);
        }
    }

    private Set<String> liveHolders() {
        return hazelcast.getCluster().getMembers().stream().map(m -> m.getUuid().toString()).collect(Collectors.toSet());
    }

    private CampaignRules rulesOf(String campaignId) {
        CampaignRules rules = campaignRules.get(campaignId);
        return rules != null ? rules : CampaignRules.strictest(campaignId);
    }

    private Set<String> doNotCallAmong(List<String> numbers) {
        return doNotCall.getAll(Set.copyOf(numbers)).keySet();
    }

    private static List<String> claimIdsOf(Case aCase) {
        return aCase.claims().stream().map(Claim::claimId).toList();
    }

    private void keep(AuditRecord record) {
        audit.record(record).whenComplete((done, failure) -> {
            if (failure != null) {
                log.error("Guard decision on case {} not kept in the audit trail: {}", record.caseId(), record, failure);
            }
        });
    }

    IQueue<QueuedCase> queueOf(String campaignId) {
        return hazelcast.getQueue(QUEUE_PREFIX + campaignId);
    }
}
