package dev.collector.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.casequeue.campaigns.HazelcastCampaigns;
import dev.collector.casequeue.campaigns.NewCampaign;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.domain.agent.Agent;
import dev.collector.domain.campaign.CampaignState;
import dev.collector.domain.campaign.DialMode;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.AgentState;
import dev.collector.routing.roster.Assignment;
import dev.collector.routing.skills.AgentProfiles;
import dev.collector.routing.skills.WorkQueue;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The supervisor's controls on a real Hazelcast member's campaign map, a real roster and routing's profiles. */
class SupervisorControlsTest {

    private static HazelcastInstance hazelcast;
    private static ExecutorService worker;
    private static HazelcastCampaigns campaigns;
    private final Clock clock = Clock.systemUTC();
    private final AgentRoster roster = new AgentRoster(clock, List.of(new Agent("a1", "Eva", "Local/101@agents"),
            new Agent("a2", "Petr", "Local/102@agents")));
    private final AgentProfiles profiles = new AgentProfiles(List.of());
    private final SupervisorControls controls = new SupervisorControls(campaigns, Optional::empty, profiles, roster,
            worker, () -> { });

    @BeforeAll
    static void startMember() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        hazelcast = HazelcastMember.start(new HazelcastSettings("controls-" + ProcessHandle.current().pid(),
                "127.0.0.1", port, List.of()));
        worker = Executors.newFixedThreadPool(2);
        HazelcastCallList callList = new HazelcastCallList(hazelcast, worker, CaseQueueSettings.defaults(),
                new InMemoryComplianceAudit(), Clock.systemUTC());
        campaigns = new HazelcastCampaigns(hazelcast, callList, callList, Clock.systemUTC());
        campaigns.create("tenant-1", new NewCampaign("c1", "Early stage", DialMode.PROGRESSIVE,
                CampaignRules.strictest("c1")));
    }

    @AfterAll
    static void stopMember() {
        worker.shutdownNow();
        hazelcast.shutdown();
    }

    @Test
    void aCampaignIsPausedResumedAndReModedForItsOwnTenant() throws Exception {
        assertThat(done(controls.pauseCampaign("c1", "storm"))).isEqualTo("campaign c1 paused");
        assertThat(campaigns.get("tenant-1", "c1").orElseThrow().state()).isEqualTo(CampaignState.PAUSED);

        assertThat(done(controls.changeDialMode("c1", "PREDICTIVE"))).isEqualTo("campaign c1 set to PREDICTIVE");
        assertThat(done(controls.resumeCampaign("c1"))).isEqualTo("campaign c1 resumed");

        assertThat(campaigns.get("tenant-1", "c1").orElseThrow())
                .satisfies(c -> assertThat(c.state()).isEqualTo(CampaignState.ACTIVE))
                .satisfies(c -> assertThat(c.dialMode()).isEqualTo(DialMode.PREDICTIVE));
    }

    @Test
    void anUnknownCampaignOrAgentIsRefusedNamingTheField() {
        assertThat(refusal(controls.pauseCampaign("nope", ""))).isEqualTo("campaignId: no campaign nope");
        assertThat(refusal(controls.pauseAgent("nobody", ""))).isEqualTo("agentId: no agent nobody");
        assertThat(refusal(controls.capAbandonRate("c1", 0.02))).isEqualTo("campaignId: this node dials no campaign, not c1");
        assertThat(refusal(controls.pauseAgent("a1", "NAP"))).isEqualTo("reason: unknown pause reason NAP");
    }

    @Test
    void anAgentOnACallIsPausedOnceTheCallAndItsWrapUpAreDone() throws Exception {
        roster.logIn("a1");
        roster.ready("a1");
        roster.reserveLongestIdle(new Assignment("att-1", "case-1")).orElseThrow();
        roster.connect("a1");

        assertThat(done(controls.pauseAgent("a1", ""))).contains("as soon as the call and its wrap-up are done");
        assertThat(roster.status("a1").orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
        roster.callEnded("a1");
        roster.dispositionRecorded("a1");

        assertThat(roster.status("a1").orElseThrow().state()).isEqualTo(AgentState.PAUSED);
        assertThat(roster.status("a1").orElseThrow().pauseReason()).hasValue("BREAK");
    }

    @Test
    void aReadyAgentIsPausedAtOnceAndAMovedAgentServesTheNewQueues() throws Exception {
        roster.logIn("a2");
        roster.ready("a2");

        assertThat(done(controls.pauseAgent("a2", "COACHING"))).isEqualTo("a2 paused (COACHING)");
        assertThat(roster.status("a2").orElseThrow().state()).isEqualTo(AgentState.PAUSED);

        assertThat(done(controls.moveAgent("a2", List.of("SENIOR", "JUNIOR")))).isEqualTo("a2 now serves [SENIOR, JUNIOR]");
        assertThat(profiles.of("a2").queues()).containsExactly(WorkQueue.SENIOR, WorkQueue.JUNIOR);
        assertThat(profiles.of("a2").serves(WorkQueue.SPECIAL)).isFalse();
    }

    private static String done(CompletionStage<String> action) throws Exception {
        return action.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static String refusal(CompletionStage<String> action) {
        try {
            action.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause() instanceof java.util.concurrent.CompletionException
                    ? e.getCause().getCause().getMessage() : e.getCause().getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the action was not refused");
    }
}
