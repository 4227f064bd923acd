package dev.collector.app.monitoring;

import dev.collector.casequeue.campaigns.CampaignResult;
import dev.collector.casequeue.campaigns.CampaignUpdate;
import dev.collector.casequeue.campaigns.HazelcastCampaigns;
import dev.collector.console.supervisor.FloorControls;
import dev.collector.dialer.campaign.CampaignDialer;
import dev.collector.domain.campaign.Campaign;
import dev.collector.domain.campaign.DialMode;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.AgentState;
import dev.collector.routing.roster.AgentStatus;
import dev.collector.routing.roster.IllegalAgentTransition;
import dev.collector.routing.skills.AgentProfiles;
import dev.collector.routing.skills.WorkQueue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's actions carried out on the same parts the CRM and the agents use: campaigns are
 * paused, resumed and re-moded in the campaign map through {@link HazelcastCampaigns} (as the CRM's
 * CampaignService does; the dialer reads the map on every tick), the abandon cap is lowered on the
 * running dialer, agents are moved between queues in routing's profiles and paused in the roster.
 * A supervisor acts for the whole installation: a campaign is changed on behalf of its own tenant.
 */
public final class SupervisorControls implements FloorControls {

    private static final Logger log = LoggerFactory.getLogger(SupervisorControls.class);

    private final HazelcastCampaigns campaigns;
    private final Supplier<Optional<CampaignDialer>> dialer;
    private final AgentProfiles profiles;
    private final AgentRoster roster;
    private final Executor worker;
    private final Runnable campaignsChanged;
    /** Told each abandon cap a supervisor set (campaign, cap): kept over a restart. Blocking: on the worker. */
    private final java.util.function.BiConsumer<String, Double> capSet;
    /** Agents to pause as soon as they are ready again, with the reason. */
    private final Map<String, String> pausesDue = new ConcurrentHashMap<>();

    /**
     * @param dialer           the node's dialer once it runs
     * @param worker           where the blocking Hazelcast calls run
     * @param campaignsChanged told after a campaign changed, so the wall shows it at once
     */
    public SupervisorControls(HazelcastCampaigns campaigns, Supplier<Optional<CampaignDialer>> dialer,
                              AgentProfiles profiles, AgentRoster roster, Executor worker, Runnable campaignsChanged) {
        this(campaigns, dialer, profiles, roster, worker, campaignsChanged, (campaign, cap) -> { });
    }

    /** @param capSet told each abandon cap set, to keep it (runs on {@code worker}) */
    public SupervisorControls(HazelcastCampaigns campaigns, Supplier<Optional<CampaignDialer>> dialer,
                              AgentProfiles profiles, AgentRoster roster, Executor worker, Runnable campaignsChanged,
                              java.util.function.BiConsumer<String, Double> capSet) {
        this.capSet = capSet;
        this.campaigns = campaigns;
        this.dialer = dialer;
        this.profiles = profiles;
        this.roster = roster;
        this.worker = worker;
        this.campaignsChanged = campaignsChanged;
        roster.onChange(this::pauseIfDue);
    }

    @Override
    public CompletionStage<String> pauseCampaign(String campaignId, String reason) {
        return onCampaign(campaignId, c -> campaigns.pause(c.tenantId(), campaignId,
                reason.isBlank() ? "paused by a supervisor" : reason), "paused");
    }

    @Override
    public CompletionStage<String> resumeCampaign(String campaignId) {
        return onCampaign(campaignId, c -> campaigns.resume(c.tenantId(), campaignId), "resumed");
    }

    @Override
    public CompletionStage<String> changeDialMode(String campaignId, String dialMode) {
        DialMode mode;
        try {
            mode = DialMode.valueOf(dialMode);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("dialMode: unknown mode " + dialMode));
        }
        return onCampaign(campaignId, c -> campaigns.update(c.tenantId(), campaignId,
                new CampaignUpdate(Optional.empty(), Optional.of(mode), Optional.empty())), "set to " + mode);
    }

    @Override
    public CompletionStage<String> capAbandonRate(String campaignId, double abandonCap) {
        Optional<CampaignDialer> running = dialer.get();
        if (running.isEmpty() || !running.get().campaignId().equals(campaignId)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("campaignId: this node dials "
                    + running.map(CampaignDialer::campaignId).orElse("no campaign") + ", not " + campaignId));
        }
        try {
            running.get().capAbandonRate(abandonCap);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("abandonCap: " + e.getMessage()));
        }
        String done = String.format("abandon cap of %s set to %.2f %%", campaignId, 100 * abandonCap);
        return CompletableFuture.supplyAsync(() -> {
            capSet.accept(campaignId, abandonCap);
            return done;
        }, worker);
    }

    @Override
    public CompletionStage<String> moveAgent(String agentId, List<String> queues) {
        if (roster.status(agentId).isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("agentId: no agent " + agentId));
        }
        List<WorkQueue> moved;
        try {
            moved = queues.stream().map(WorkQueue::valueOf).toList();
            profiles.moveToQueues(agentId, moved);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("queues: " + e.getMessage()));
        }
        return CompletableFuture.completedFuture(agentId + " now serves " + moved);
    }

    @Override
    public CompletionStage<String> pauseAgent(String agentId, String reason) {
        Optional<AgentStatus> status = roster.status(agentId);
        if (status.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("agentId: no agent " + agentId));
        }
        String why = reason.isBlank() ? roster.pauseReasons().usual() : reason;
        if (!roster.pauseReasons().allows(why)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("reason: unknown pause reason " + why));
        }
        AgentState state = status.get().state();
        if (state == AgentState.LOGGED_OUT) {
            return CompletableFuture.failedFuture(new IllegalStateException(agentId + " is logged out"));
        }
        if (state == AgentState.READY || state == AgentState.PAUSED) {
            try {
                roster.pause(agentId, why);
                return CompletableFuture.completedFuture(agentId + " paused (" + why + ")");
            } catch (IllegalAgentTransition e) {
                // reserved for a call in the meantime: paused after it, as below
            }
        }
        pausesDue.put(agentId, why);
        return CompletableFuture.completedFuture(agentId + " is " + state + ": paused (" + why
                + ") as soon as the call and its wrap-up are done");
    }

    private void pauseIfDue(AgentStatus status) {
        if (status.state() != AgentState.READY) {
            if (status.state() == AgentState.LOGGED_OUT) {
                pausesDue.remove(status.agentId());
            }
            return;
        }
        String reason = pausesDue.remove(status.agentId());
        if (reason != null) {
            try {
                roster.pause(status.agentId(), reason);
                log.info("Agent {} paused by a supervisor's earlier request ({})", status.agentId(), reason);
            } catch (IllegalAgentTransition e) {
                pausesDue.putIfAbsent(status.agentId(), reason); // reserved first: the next time he is ready
            }
        }
    }

    private CompletionStage<String> onCampaign(String campaignId,
                                               java.util.function.Function<Campaign, CampaignResult> change,
                                               String done) {
        return CompletableFuture.supplyAsync(() -> {
            Campaign campaign = campaigns.find(campaignId).toCompletableFuture().join()
                    .orElseThrow(() -> new IllegalArgumentException("campaignId: no campaign " + campaignId));
            CampaignResult result = change.apply(campaign);
            if (result instanceof CampaignResult.AlreadyClosed) {
                throw new IllegalStateException("campaign " + campaignId + " is closed for good");
            }
            if (!(result instanceof CampaignResult.Done)) {
                throw new IllegalArgumentException("campaignId: no campaign " + campaignId);
            }
            campaignsChanged.run();
            return "campaign " + campaignId + " " + done;
        }, worker);
    }
}
