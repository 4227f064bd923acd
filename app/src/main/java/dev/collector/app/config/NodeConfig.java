package dev.collector.app.config;

import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.console.ConsoleOptions;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.dialer.ami.AmiSettings;
import dev.collector.dialer.campaign.CampaignDialPlan;
import dev.collector.domain.agent.Agent;
import dev.collector.outcomes.OutcomeStoreSettings;
import java.util.List;
import java.util.Optional;

/**
 * Everything a Collector node needs to start, read once at start-up.
 *
 * @param externalPbx the Asterisk to drive; empty means "start the PBX simulator" with {@code simulator}
 * @param pbxs every Asterisk to drive ({@code collector.ami.servers}), the first being {@code externalPbx}
 * @param machines the campaign's answering-machine detection ({@code collector.campaign.amd*})
 */
public record NodeConfig(
        HazelcastSettings hazelcast,
        OutcomeStoreSettings outcomeStore,
        CrmBridgeSettings crmBridge,
        ConsoleOptions console,
        Optional<AmiSettings> externalPbx,
        SimulatorConfig simulator,
        CampaignDialPlan dialPlan,
        CampaignRules campaignRules,
        CaseQueueSettings callList,
        List<Agent> agents,
        DemoConfig demo,
        FollowUpConfig followUps,
        List<AmiSettings> pbxs,
        dev.collector.dialer.call.MachineHandling machines) {

    public NodeConfig {
        agents = List.copyOf(agents);
        java.util.Objects.requireNonNull(followUps, "followUps");
        java.util.Objects.requireNonNull(machines, "machines");
        // every Asterisk to dial through; the single-host form (externalPbx) is a list of one
        pbxs = pbxs.isEmpty() && externalPbx.isPresent() ? List.of(externalPbx.get()) : List.copyOf(pbxs);
    }

    /** One Asterisk at most, without answering-machine detection. */
    public NodeConfig(HazelcastSettings hazelcast, OutcomeStoreSettings outcomeStore, CrmBridgeSettings crmBridge,
            ConsoleOptions console, Optional<AmiSettings> externalPbx, SimulatorConfig simulator,
            CampaignDialPlan dialPlan, CampaignRules campaignRules, CaseQueueSettings callList, List<Agent> agents,
            DemoConfig demo, FollowUpConfig followUps) {
        this(hazelcast, outcomeStore, crmBridge, console, externalPbx, simulator, dialPlan, campaignRules, callList,
                agents, demo, followUps, List.of(), dev.collector.dialer.call.MachineHandling.off());
    }

    /** With the default follow-ups (built-in rules, log-only channels). */
    public NodeConfig(HazelcastSettings hazelcast, OutcomeStoreSettings outcomeStore, CrmBridgeSettings crmBridge,
            ConsoleOptions console, Optional<AmiSettings> externalPbx, SimulatorConfig simulator,
            CampaignDialPlan dialPlan, CampaignRules campaignRules, CaseQueueSettings callList, List<Agent> agents,
            DemoConfig demo) {
        this(hazelcast, outcomeStore, crmBridge, console, externalPbx, simulator, dialPlan, campaignRules, callList,
                agents, demo, FollowUpConfig.defaults()
                        .withJournalFile(outcomeStore.localNode().dataDir().resolveSibling("outcomes.journal")));
    }

    /** The PBX simulator used when no Asterisk is configured. */
    public record SimulatorConfig(String host, int port, double timeScale, long seed) {
    }

    /**
     * The demo: a CRM feeding a generated call list, and simulated agents taking calls.
     *
     * @param simulatedAgents how many of the configured agents are bots; the rest are left for people
     */
    public record DemoConfig(boolean enabled, int cases, int simulatedAgents, long seed) {
    }
}
