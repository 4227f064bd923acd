package dev.collector.casequeue.campaigns;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.domain.campaign.Campaign;
import dev.collector.domain.campaign.CampaignDirectory;
import dev.collector.domain.casework.CallList;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaigns of every tenant, kept in the Hazelcast map {@value #CAMPAIGNS} (campaign id →
 * {@link Campaign}), and the ways a CRM creates and changes them. Each change is one atomic step
 * on the member owning the campaign; the calling rules go to the compliance guard
 * ({@link ContactRestrictions#defineRules}), which applies them from the next dial decision; the
 * call list stops leasing from a campaign that is paused or closed.
 *
 * <p>The use cases take the caller's tenant: another tenant's campaign is {@link CampaignResult.NotFound}.
 * They block (Hazelcast queries have no asynchronous form): call them from a worker or a gRPC
 * handler thread, never from an event loop. {@link #find} does not block.
 */
public final class HazelcastCampaigns implements CampaignDirectory {

    private static final Logger log = LoggerFactory.getLogger(HazelcastCampaigns.class);

    public static final String CAMPAIGNS = "campaigns";
    /** Longer than Hazelcast's own operation timeout would be pointless; shorter than a CRM's deadline. */
    private static final Duration STORE_WAIT = Duration.ofSeconds(30);

    private final IMap<String, Campaign> campaigns;
    private final IMap<String, CampaignRules> rules;
    private final IMap<String, CaseEntry> cases;
    private final CallList callList;
    private final ContactRestrictions restrictions;
    private final Clock clock;

    /**
     * @param callList     closes the cases of a closed campaign
     * @param restrictions where the calling rules take effect
     */
    public HazelcastCampaigns(HazelcastInstance hazelcast, CallList callList, ContactRestrictions restrictions,
            Clock clock) {
        this.campaigns = hazelcast.getMap(CAMPAIGNS);
        this.rules = hazelcast.getMap(HazelcastCallList.CAMPAIGN_RULES);
        this.cases = hazelcast.getMap(HazelcastCallList.CASES);
        this.callList = Objects.requireNonNull(callList, "callList");
        this.restrictions = Objects.requireNonNull(restrictions, "restrictions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // --- CampaignDirectory -----------------------------------------------------------------------

    @Override
    public CompletionStage<Optional<Campaign>> find(String campaignId) {
        return campaigns.getAsync(campaignId).thenApply(Optional::ofNullable);
    }

    // --- reading ---------------------------------------------------------------------------------

    /** The tenant's campaign; empty when it has none with the id. */
    public Optional<Campaign> get(String tenantId, String campaignId) {
        return Optional.ofNullable(campaigns.get(campaignId)).filter(c -> c.tenantId().equals(tenantId));
    }

    /** The rules the guard applies to the campaign's calls: the strictest ones unless defined. */
    public CampaignRules rulesOf(String campaignId) {
        CampaignRules defined = rules.get(campaignId);
        return defined != null ? defined : CampaignRules.strictest(campaignId);
    }

    /** {@link #rulesOf(String)} for several campaigns in one call. */
    public Map<String, CampaignRules> rulesOf(Collection<String> campaignIds) {
        Map<String, CampaignRules> found = new HashMap<>(rules.getAll(Set.copyOf(campaignIds)));
        campaignIds.forEach(id -> found.computeIfAbsent(id, CampaignRules::strictest));
        return found;
    }

    /**
     * The tenant's campaigns in campaign id order, at most {@code pageSize} of them, those with ids
     * after {@code after} when given.
     */
    public CampaignPage list(String tenantId, Optional<String> after, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
        }
        Predicate<String, Campaign> ofTenant = Predicates.equal("tenantId", tenantId);
        Predicate<String, Campaign> query = after.isPresent()
                ? Predicates.and(ofTenant, Predicates.greaterThan("campaignId", after.get()))
                : ofTenant;
        // Campaigns are few (tens per tenant): sorting them here is cheaper than a paging predicate.
        List<Campaign> matching = campaigns.values(query).stream()
                .sorted(Comparator.comparing(Campaign::campaignId))
                .limit(pageSize + 1L)
                .toList();
        if (matching.size() <= pageSize) {
            return new CampaignPage(matching, Optional.empty());
        }
        List<Campaign> page = matching.subList(0, pageSize);
        return new CampaignPage(page, Optional.of(page.get(pageSize - 1).campaignId()));
    }

    // --- changing --------------------------------------------------------------------------------

    /** Creates the campaign, active, for the tenant: {@link CampaignResult.AlreadyExists} when any tenant has the id. */
    public CampaignResult create(String tenantId, NewCampaign wanted) {
        Campaign campaign = Campaign.created(wanted.campaignId(), tenantId, wanted.displayName(), wanted.dialMode(),
                clock.instant());
        // The campaign first: rules defined for an id another tenant holds would change that tenant's calls.
        if (campaigns.putIfAbsent(campaign.campaignId(), campaign) != null) {
            return new CampaignResult.AlreadyExists(campaign.campaignId());
        }
        await(restrictions.defineRules(wanted.rules()));
        log.info("Campaign {} of tenant {} created ({})", campaign.campaignId(), tenantId, campaign.dialMode());
        return new CampaignResult.Done(campaign);
    }

    /** Changes what the update names; the calling rules from the next dial decision on. */
    public CampaignResult update(String tenantId, String campaignId, CampaignUpdate update) {
        update.rules().filter(rules -> !rules.campaignId().equals(campaignId)).ifPresent(rules -> {
            throw new IllegalArgumentException("rules of campaign " + rules.campaignId() + " given for " + campaignId);
        });
        CampaignResult result = campaigns.executeOnKey(campaignId, ChangeCampaign.update(tenantId, clock.instant(),
                update.displayName().orElse(null), update.dialMode().orElse(null)));
        if (result instanceof CampaignResult.Done && update.rules().isPresent()) {
            await(restrictions.defineRules(update.rules().get()));
            log.info("Campaign {} has new calling rules", campaignId);
        }
        return result;
    }

    /** Stops dialing the campaign; its cases keep their places and schedules. Harmless when paused. */
    public CampaignResult pause(String tenantId, String campaignId, String reason) {
        CampaignResult result = campaigns.executeOnKey(campaignId, ChangeCampaign.pause(tenantId, clock.instant()));
        if (result instanceof CampaignResult.Done) {
            log.info("Campaign {} paused{}", campaignId, reason.isBlank() ? "" : ": " + reason);
        }
        return result;
    }

    /** Dials the campaign again. Harmless when active. */
    public CampaignResult resume(String tenantId, String campaignId) {
        CampaignResult result = campaigns.executeOnKey(campaignId, ChangeCampaign.resume(tenantId, clock.instant()));
        if (result instanceof CampaignResult.Done) {
            log.info("Campaign {} resumed", campaignId);
        }
        return result;
    }

    /**
     * Closes the campaign for good and cancels every case of it not closed yet (a case in a call
     * closes when the call ends). Closing again cancels what a failed close may have left open.
     */
    public CampaignResult close(String tenantId, String campaignId, String reason) {
        CampaignResult result = campaigns.executeOnKey(campaignId, ChangeCampaign.close(tenantId, clock.instant()));
        if (!(result instanceof CampaignResult.Done)) {
            return result;
        }
        // Closed cases keep their own reason (paid, withdrawn by the CRM): only the others are cancelled.
        Set<String> open = cases.keySet(Predicates.in("campaignStatus", Arrays.stream(CaseStatus.values())
                .filter(status -> status != CaseStatus.CLOSED)
                .map(status -> CaseEntry.campaignStatus(campaignId, status))
                .toArray(String[]::new)));
        String why = "campaign " + campaignId + " closed: " + reason;
        await(CompletableFuture.allOf(open.stream()
                .map(caseId -> callList.cancel(caseId, why).toCompletableFuture())
                .toArray(CompletableFuture[]::new)));
        log.info("Campaign {} closed ({}), {} of its cases cancelled", campaignId, reason, open.size());
        return result;
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the call list failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the call list did not answer within " + STORE_WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the call list", e);
        }
    }
}
