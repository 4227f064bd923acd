package dev.collector.crmbridge;

import com.hazelcast.core.HazelcastInstance;
import dev.collector.compliance.ledger.ContactRestrictions;
import dev.collector.crmbridge.feed.HazelcastCrmFeed;
import dev.collector.crmbridge.feed.OutcomeStreaming;
import dev.collector.crmbridge.intake.CaseSubmission;
import dev.collector.crmbridge.intake.CaseValidator;
import dev.collector.crmbridge.updates.AppliedUpdates;
import dev.collector.crmbridge.updates.CaseCancelling;
import dev.collector.crmbridge.updates.CaseStatuses;
import dev.collector.crmbridge.updates.CaseUpdating;
import dev.collector.domain.casework.CallList;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.OutcomeServiceGrpc;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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
     * Binds and starts serving.
     *
     * @param restrictions where CRM updates place and lift holds (disputes, cease contact, numbers)
     * @param hazelcast    keeps the ids of applied updates, so that a resent update is not applied twice, and
     *                     tells where a case stands in the call list
     * @param clock        stamps the time a case or an update is received
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static CrmBridgeServer start(CrmBridgeSettings settings, CallList callList,
            ContactRestrictions restrictions, HazelcastCrmFeed feed, HazelcastInstance hazelcast, Clock clock) {
        ExecutorService streamSteps = Executors.newFixedThreadPool(2, daemonThreads("crm-bridge-stream-"));
        OutcomeStreaming outcomes = new OutcomeStreaming(feed, task -> {
            try {
                streamSteps.execute(task);
            } catch (RejectedExecutionException closed) {
                // A journal read completing after close(): its stream has been ended already.
            }
        });
        HealthStatusManager health = new HealthStatusManager();
        CaseStatuses statuses = new CaseStatuses(hazelcast);
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(settings.host(), settings.port()))
                .addService(new CaseEndpoint(
                        new CaseSubmission(callList, new CaseValidator(clock)),
                        new CaseUpdating(callList, restrictions, new AppliedUpdates(hazelcast), statuses, clock),
                        new CaseCancelling(callList, statuses)))
                .addService(outcomes)
                .addService(health.getHealthService())
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
        log.info("CRM bridge listening on {}:{}", settings.host(), server.getPort());
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

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
