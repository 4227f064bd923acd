package dev.collector.crmbridge;

import com.hazelcast.core.HazelcastInstance;
import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.crmbridge.auth.Authentication;
import dev.collector.crmbridge.auth.AccessAuditing;
import dev.collector.crmbridge.auth.CrmClients;
import dev.collector.domain.access.AccessAudit;
import dev.collector.casequeue.campaigns.HazelcastCampaigns;
import dev.collector.crmbridge.campaigns.CampaignEndpoint;
import dev.collector.crmbridge.feed.HazelcastCrmFeed;
import dev.collector.crmbridge.feed.OutcomeStreaming;
import dev.collector.crmbridge.history.CaseHistoryReading;
import dev.collector.crmbridge.intake.CaseLoading;
import dev.collector.crmbridge.intake.CaseSubmission;
import dev.collector.crmbridge.intake.CaseValidator;
import dev.collector.crmbridge.updates.AppliedUpdates;
import dev.collector.crmbridge.updates.CaseCancelling;
import dev.collector.crmbridge.updates.CaseStatuses;
import dev.collector.crmbridge.updates.CaseUpdating;
import dev.collector.domain.campaign.CampaignDirectory;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.outcome.CaseHistory;
import dev.collector.protos.v1.CampaignServiceGrpc;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.OutcomeServiceGrpc;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC server CRMs talk to: {@code collector.v1.CaseService} into the call list,
 * {@code collector.v1.OutcomeService} out of the feed, and the standard {@code grpc.health.v1}
 * health service.
 */
public final class CrmBridgeServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CrmBridgeServer.class);

    private final Server server;
    private final OutcomeStreaming outcomes;
    private final HealthStatusManager health;
    private final ExecutorService streamSteps;
    private final Duration shutdownGrace;
    private final int port;

    private CrmBridgeServer(Server server, OutcomeStreaming outcomes, HealthStatusManager health,
            ExecutorService streamSteps, Duration shutdownGrace) {
        this.server = server;
        this.outcomes = outcomes;
        this.health = health;
        this.streamSteps = streamSteps;
        this.shutdownGrace = shutdownGrace;
        this.port = server.getPort();
    }

    /**
     * Binds and starts serving, with the campaigns of the case-queue module's map.
     *
     * @see #start(CrmBridgeSettings, CallList, ContactRestrictions, HazelcastCrmFeed, HazelcastInstance,
     *      CampaignDirectory, Clock)
     */
    public static CrmBridgeServer start(CrmBridgeSettings settings, CallList callList,
            ContactRestrictions restrictions, HazelcastCrmFeed feed, HazelcastInstance hazelcast, Clock clock) {
        return start(settings, callList, restrictions, feed, hazelcast, CaseHistory.none(), clock);
    }

    /**
     * Binds and starts serving, with the campaigns of the case-queue module's map and the contact
     * history CRMs read through {@code ListCaseHistory}.
     *
     * @param caseHistory the cases' attempts and outcomes a page at a time (outcome-store's, in the app)
     */
    public static CrmBridgeServer start(CrmBridgeSettings settings, CallList callList,
            ContactRestrictions restrictions, HazelcastCrmFeed feed, HazelcastInstance hazelcast,
            CaseHistory caseHistory, Clock clock) {
        CampaignDirectory campaigns = new HazelcastCampaigns(hazelcast, callList, restrictions, clock);
        return start(settings, callList, restrictions, feed, hazelcast, campaigns, caseHistory, clock);
    }

    /**
     * Binds and starts serving.
     *
     * @param restrictions where CRM updates place and lift holds (disputes, cease contact, numbers)
     * @param hazelcast    keeps the ids of applied updates, so that a resent update is not applied twice, and
     *                     tells where a case stands in the call list
     * @param campaigns    whose each campaign is: a CRM client sees and changes only its tenant's cases
     * @param clock        stamps the time a case or an update is received
     * @throws UncheckedIOException  when the address cannot be bound
     * @throws IllegalStateException when no CRM clients are configured and the address is not loopback
     */
    public static CrmBridgeServer start(CrmBridgeSettings settings, CallList callList,
            ContactRestrictions restrictions, HazelcastCrmFeed feed, HazelcastInstance hazelcast,
            CampaignDirectory campaigns, Clock clock) {
        return start(settings, callList, restrictions, feed, hazelcast, campaigns, CaseHistory.none(), clock);
    }

    /**
     * Binds and starts serving, with the contact history CRMs read through {@code ListCaseHistory}
     * (the overloads without it keep none: every case's history reads empty).
     *
     * @param caseHistory the cases' attempts and outcomes a page at a time (outcome-store's, in the app)
     * @see #start(CrmBridgeSettings, CallList, ContactRestrictions, HazelcastCrmFeed, HazelcastInstance,
     *      CampaignDirectory, Clock)
     */
    public static CrmBridgeServer start(CrmBridgeSettings settings, CallList callList,
            ContactRestrictions restrictions, HazelcastCrmFeed feed, HazelcastInstance hazelcast,
            CampaignDirectory campaigns, CaseHistory caseHistory, Clock clock) {
        return start(settings, callList, restrictions, feed, hazelcast, campaigns, caseHistory, AccessAudit.none(),
                clock);
    }

    /**
     * Binds and starts serving, with the campaigns of the case-queue module's map and the contact
     * history CRMs read through {@code ListCaseHistory}, writing each CRM's reads of and changes to
     * a case in the access audit.
     */
    public static CrmBridgeServer start(CrmBridgeSettings settings, CallList callList,
            ContactRestrictions restrictions, HazelcastCrmFeed feed, HazelcastInstance hazelcast,
            CaseHistory caseHistory, AccessAudit audit, Clock clock) {
        CampaignDirectory campaigns = new HazelcastCampaigns(hazelcast, callList, restrictions, clock);
        return start(settings, callList, restrictions, feed, hazelcast, campaigns, caseHistory, audit, clock);
    }

    /**
     * Binds and starts serving.
     *
     * @param audit where each CRM read of a case's history, and each update and cancellation, is written down
     */
    public static CrmBridgeServer start(CrmBridgeSettings settings, CallList callList,
            ContactRestrictions restrictions, HazelcastCrmFeed feed, HazelcastInstance hazelcast,
            CampaignDirectory campaigns, CaseHistory caseHistory, AccessAudit audit, Clock clock) {
        checkCallersAreKnown(settings);
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        NettyServerBuilder builder = settings.tls().isPresent()
                ? NettyServerBuilder.forAddress(address, settings.tls().get().credentials())
                : NettyServerBuilder.forAddress(address);
        ExecutorService streamSteps = Executors.newFixedThreadPool(2, daemonThreads("crm-bridge-stream-"));
        OutcomeStreaming outcomes = new OutcomeStreaming(feed, campaigns, task -> {
            try {
                streamSteps.execute(task);
            } catch (RejectedExecutionException closed) {
                // A journal read completing after close(): its stream has been ended already.
            }
        });
        HealthStatusManager health = new HealthStatusManager();
        CaseStatuses statuses = new CaseStatuses(hazelcast);
        Server server = builder
                .addService(new CaseEndpoint(
                        new CaseSubmission(callList, new CaseValidator(clock), campaigns),
                        new CaseUpdating(callList, restrictions, new AppliedUpdates(hazelcast), statuses, campaigns,
                                clock),
                        new CaseCancelling(callList, statuses, campaigns),
                        new CaseHistoryReading(callList, campaigns, caseHistory),
                        new CaseLoading(callList, new CaseValidator(clock), campaigns)))
                .addService(outcomes)
                .addService(new CampaignEndpoint(new HazelcastCampaigns(hazelcast, callList, restrictions, clock)))
                .addService(health.getHealthService())
                // the last added runs first: the caller is authenticated before its call is audited
                .intercept(new AccessAuditing(audit, clock))
                .intercept(new Authentication(settings.clients()))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            streamSteps.shutdown();
            throw new UncheckedIOException("cannot bind the CRM bridge to " + settings.host() + ":"
                    + settings.port(), e);
        }
        health.setStatus(CaseServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
        health.setStatus(OutcomeServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
        health.setStatus(CampaignServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
        log.info("CRM bridge listening on {}:{} ({}, {})", settings.host(), server.getPort(),
                settings.tls().map(tls -> tls.requiresClientCertificates() ? "TLS with client certificates" : "TLS")
                        .orElse("plaintext"), settings.clients());
        return new CrmBridgeServer(server, outcomes, health, streamSteps, settings.shutdownGrace());
    }

    /** The port actually bound (the chosen one when the settings asked for 0). */
    public int port() {
        return port;
    }

    /**
     * Stops taking calls, lets unary calls in progress finish within the grace period, and ends
     * open outcome streams with UNAVAILABLE so that their clients resume elsewhere.
     */
    @Override
    public void close() {
        health.enterTerminalState();
        server.shutdown();
        outcomes.close();
        try {
            if (!server.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                server.shutdownNow().awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            streamSteps.shutdown();
        }
        log.info("CRM bridge on port {} stopped", port);
    }

    /** Without configured clients anyone who reaches the port is the built-in caller: only this machine may. */
    private static void checkCallersAreKnown(CrmBridgeSettings settings) {
        if (settings.clients().isEmpty()) {
            if (!isLoopback(settings.host())) {
                throw new IllegalStateException("the CRM bridge would listen on " + settings.host()
                        + " with no CRM clients configured, open to anyone who reaches it: configure "
                        + CrmClients.SETTING + " (or " + CrmClients.FILE_SETTING + "), or bind to 127.0.0.1");
            }
            log.warn("No CRM clients configured ({}): every call on {}:{} is served as {} (loopback only)",
                    CrmClients.SETTING, settings.host(), settings.port(), CrmClients.BUILT_IN);
            return;
        }
        if (settings.clients().anyByCertificate()
                && settings.tls().map(tls -> !tls.requiresClientCertificates()).orElse(true)) {
            log.warn("Some CRM clients authenticate by certificate, but the CRM bridge asks for no client"
                    + " certificates (no client CA configured): they cannot call");
        }
        if (settings.tls().isEmpty() && !isLoopback(settings.host())) {
            log.warn("The CRM bridge listens on {} without TLS: bearer tokens cross the network in the clear",
                    settings.host());
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
