package dev.collector.casequeue.transitions;

import com.hazelcast.map.EntryProcessor;
import dev.collector.compliance.guard.ComplianceGuard;
import dev.collector.compliance.guard.DialRequest;
import dev.collector.compliance.guard.Verdict;
import dev.collector.compliance.guard.policies.OneDialAtATimePolicy;
import dev.collector.compliance.ledger.ActiveDial;
import dev.collector.compliance.ledger.ContactRecord;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.domain.casework.Claim;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asks the compliance guard, on the member that owns the debtor's contact record, and if it
 * permits, counts the attempt and marks the debtor as being called, in the same atomic step: two
 * dialers (or two campaigns) asking at once for the same debtor cannot both be permitted.
 */
public final class GuardDial implements EntryProcessor<String, ContactRecord, Verdict> {

    /** Longer than any rule looks back (7-day limits, 72 h lockouts), with room for configured ones. */
    static final Duration KEPT_HISTORY = Duration.ofDays(31);

    private final DialRequest request;
    private final CampaignRules rules;
    private final Set<String> doNotCall;
    private final ActiveDial dial;
    private final Set<String> liveHolders;

    /**
     * @param liveHolders the dialer nodes in the cluster now: a call in progress held by a node
     *                    that has left is void. (Its lease is reclaimed, but a guard request the node
     *                    sent just before it died can land after the reclaim and mark the debtor
     *                    as being called for good.)
     */
    public GuardDial(DialRequest request, CampaignRules rules, Set<String> doNotCall, ActiveDial dial,
                     Set<String> liveHolders) {
        this.request = request;
        this.rules = rules;
        this.doNotCall = Set.copyOf(doNotCall);
        this.dial = dial;
        this.liveHolders = Set.copyOf(liveHolders);
    }

    @Override
    public Verdict process(Map.Entry<String, ContactRecord> entry) {
        ContactRecord record = entry.getValue() == null ? ContactRecord.empty(entry.getKey()) : entry.getValue();
        Optional<ActiveDial> active = record.activeDial();
        // A dial of a node that is gone is cleared only once it counts as orphaned: until then its
        // call may still be up on the PBX (nobody is left to hang it up), and the debtor must not
        // be called twice at once. A kill -9 mid-call showed exactly that when it was cleared at once.
        if (active.isPresent() && !liveHolders.contains(active.get().holder())
                && !active.get().since().plus(OneDialAtATimePolicy.ORPHANED_AFTER).isAfter(request.now())) {
            record = record.withDialEnded(active.get().attemptId());
        }
        Verdict verdict = ComplianceGuard.standard().check(request, record, rules, doNotCall::contains);
        if (verdict instanceof Verdict.Permitted) {
            entry.setValue(record.prunedBefore(request.now().minus(KEPT_HISTORY))
                    .withDialStarted(dial, request.aCase().claims().stream().map(Claim::claimId).toList()));
        } else if (entry.getValue() != null && !record.equals(entry.getValue())) {
            entry.setValue(record); // the void dial stays cleared
        }
        return verdict;
    }
}
