package dev.collector.crmbridge.auth;

import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.crmbridge.CrmBridgeServer;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.crmbridge.feed.HazelcastCrmFeed;
import dev.collector.domain.campaign.Campaign;
import dev.collector.domain.campaign.CampaignDirectory;
import dev.collector.domain.campaign.CampaignState;
import dev.collector.domain.campaign.DialMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Hazelcast member with the real call list and CRM feed, and CRM bridges on it. The campaign
 * records are kept here, in memory: what is tested is how the bridge uses them, not where the
 * case-queue module stores them.
 */
final class BridgeOnHazelcast implements AutoCloseable {

    final HazelcastInstance hazelcast;
    final HazelcastCallList callList;
    final HazelcastCrmFeed feed;
    private final ExecutorService worker = Executors.newFixedThreadPool(2);
    private final Map<String, Campaign> campaigns = new ConcurrentHashMap<>();
    private final List<CrmBridgeServer> servers = new ArrayList<>();

    BridgeOnHazelcast(String name, int port) {
        hazelcast = HazelcastMember.start(new HazelcastSettings(
                "crm-bridge-" + name + "-" + ProcessHandle.current().pid(), "127.0.0.1", port, List.of()));
        callList = new HazelcastCallList(hazelcast, worker, CaseQueueSettings.defaults(), new InMemoryComplianceAudit(),
                Clock.systemUTC());
        feed = new HazelcastCrmFeed(hazelcast, 1000);
    }

    void campaign(String campaignId, String tenantId) {
        Instant created = Instant.parse("2026-11-01T08:00:00Z");
        campaigns.put(campaignId, new Campaign(campaignId, tenantId, campaignId, DialMode.PROGRESSIVE,
                CampaignState.ACTIVE, created, created));
    }

    CrmBridgeServer start(CrmBridgeSettings settings) {
        return start(settings, dev.collector.domain.access.AccessAudit.none());
    }

    /** A bridge that writes each CRM's reads and changes of a case into the audit. */
    CrmBridgeServer start(CrmBridgeSettings settings, dev.collector.domain.access.AccessAudit audit) {
        CampaignDirectory directory = id -> CompletableFuture.completedFuture(Optional.ofNullable(campaigns.get(id)));
        CrmBridgeServer server = CrmBridgeServer.start(settings, callList, callList, feed, hazelcast, directory,
                dev.collector.domain.outcome.CaseHistory.none(), audit, Clock.systemUTC());
        servers.add(server);
        return server;
    }

    @Override
    public void close() {
        servers.forEach(CrmBridgeServer::close);
        hazelcast.shutdown();
        worker.shutdownNow();
    }
}
