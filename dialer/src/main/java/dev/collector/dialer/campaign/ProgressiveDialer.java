package dev.collector.dialer.campaign;

import dev.collector.dialer.ami.AmiConnection;
import dev.collector.dialer.ami.OriginateRequest;
import dev.collector.dialer.call.CallSignal;
import dev.collector.dialer.call.LiveCall;
import dev.collector.domain.agent.Agent;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.DialLease;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.CrmFeed;
import dev.collector.domain.outcome.Outcome;
import dev.collector.routing.desktop.AgentDesktop;
import dev.collector.routing.desktop.ScreenPop;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.AgentState;
import dev.collector.routing.roster.Assignment;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progressive dialing for one campaign: one call per ready agent. The call list leases the best
 * case the compliance guard allows now, on the number it chose; an agent is reserved before the
 * number is dialed, so an answered debtor always has someone to talk to (no abandoned calls by
 * construction). All state lives on this verticle's event loop; PBX signals, roster changes and
 * store results are handed to it.
 */
public final class ProgressiveDialer extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(ProgressiveDialer.class);
    /** Beyond the ring timeout, how long we wait for an OriginateResponse before giving the call up. */
    private static final Duration ORIGINATE_GRACE = Duration.ofSeconds(30);
    private static final long SAFETY_TICK_MS = 500;

    private final CampaignDialPlan plan;
    private final CallList callList;
    private final AgentRoster roster;
    private final AmiConnection pbx;
    private final ContactHistory history;
    private final CrmFeed crmFeed;
    private final AgentDesktop desktop;
    private final Clock clock;
    private final DialerCounters counters;

    private final Map<String, LiveCall> liveCalls = new HashMap<>();
    private final Map<String, Future<List<Outcome>>> previousOutcomes = new HashMap<>();
    private final Map<String, DialLease> leases = new HashMap<>();
    private boolean leasing;
    private long safetyTimer;

    public ProgressiveDialer(CampaignDialPlan plan, CallList callList, AgentRoster roster, AmiConnection pbx,
                             ContactHistory history, CrmFeed crmFeed, AgentDesktop desktop, DialerCounters counters,
                             Clock clock) {
        this.plan = plan;
        this.callList = callList;
        this.roster = roster;
        this.pbx = pbx;
        this.history = history;
        this.crmFeed = crmFeed;
        this.desktop = desktop;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        pbx.onSignal(signal -> context.runOnContext(v -> onSignal(signal)));
        roster.onChange(status -> {
            if (status.state() == AgentState.READY) {
                context.runOnContext(v -> dialForReadyAgents());
            }
        });
        // Roster events drive dialing; the tick only catches cases admitted while agents sat ready.
        safetyTimer = vertx.setPeriodic(SAFETY_TICK_MS, id -> dialForReadyAgents());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(safetyTimer);
        return Future.succeededFuture();
    }

    public DialerCounters counters() {
        return counters;
    }

    private void dialForReadyAgents() {
        // While the AMI session is down nothing can be dialed: cases stay queued instead of
        // being burnt as failed attempts.
        if (leasing || !pbx.isConnected() || roster.count(AgentState.READY) == 0) {
            return;
        }
        leasing = true;
        Future.fromCompletionStage(callList.leaseNext(plan.campaignId()), context).onComplete(taken -> {
            leasing = false;
            if (taken.failed()) {
                log.warn("Could not lease the next case of {}", plan.campaignId(), taken.cause());
            } else if (taken.result().isPresent() && dial(taken.result().get())) {
                dialForReadyAgents();
            }
        });
    }

    /** @return whether a call was placed; if not, the lease is handed back and the case waits again */
    private boolean dial(DialLease lease) {
        String attemptId = lease.attemptId();
        Case aCase = lease.aCase();
        Optional<Agent> agent = roster.reserveLongestIdle(new Assignment(attemptId, aCase.caseId()));
        if (agent.isEmpty()) {
            handBack(lease, "no ready agent any more");
            return false;
        }
        String phone = lease.phoneNumber();
        LiveCall call = new LiveCall(attemptId, aCase, phone, agent.get(), clock.instant());
        liveCalls.put(attemptId, call);
        leases.put(attemptId, lease);
        // Fetched now so that the screen pop need not wait for the store when the debtor answers.
        previousOutcomes.put(attemptId, Future.fromCompletionStage(history.outcomesOf(aCase.caseId()), context));
        boolean sent = pbx.originate(new OriginateRequest(attemptId, plan.channelFor(phone), plan.context(),
                plan.exten(), 1, plan.ringTimeout(), plan.callerId(), Map.of(
                        "AGENT_ENDPOINT", agent.get().endpoint(),
                        "COLLECTOR_ATTEMPT", attemptId)));
        if (!sent) {
            // No call was placed: the case waits again and is dialed once the PBX is back.
            liveCalls.remove(attemptId);
            leases.remove(attemptId);
            previousOutcomes.remove(attemptId);
            roster.release(agent.get().agentId());
            handBack(lease, "PBX unreachable");
            return false;
        }
        counters.dialed();
        vertx.setTimer(plan.ringTimeout().plus(ORIGINATE_GRACE).toMillis(), id -> giveUpIfUnanswered(attemptId));
        return true;
    }

    private void handBack(DialLease lease, String why) {
        log.debug("Case {} not dialed: {}", lease.caseId(), why);
        callList.notDialed(lease).whenComplete((done, failure) -> {
            if (failure != null) {
                log.warn("Lease {} of case {} not handed back; it lapses by itself", lease.attemptId(), lease.caseId(), failure);
            }
        });
    }

    private void giveUpIfUnanswered(String attemptId) {
        LiveCall call = liveCalls.get(attemptId);
        if (call != null && call.debtorChannel().isEmpty() && !call.wasConnectedToAgent()) {
            log.warn("No OriginateResponse for {} in time; counting it as failed", attemptId);
            onSignal(new CallSignal.Rejected(attemptId, "no OriginateResponse"));
        }
    }

    private void onSignal(CallSignal signal) {
        LiveCall call = liveCalls.get(signal.attemptId());
        if (call == null) {
            return; // another leg, another dialer's call, or a late event of an ended call
        }
        switch (call.apply(signal, clock.instant())) {
            case CONNECTED_TO_AGENT -> connected(call);
            case ENDED -> ended(call);
            case NOTHING -> { }
        }
    }

    private void connected(LiveCall call) {
        roster.connect(call.agent().agentId());
        previousOutcomes.get(call.attemptId()).onComplete(previous -> desktop.screenPop(new ScreenPop(
                call.agent().agentId(), call.attemptId(), call.phoneNumber(), call.aCase(),
                previous.succeeded() ? previous.result() : List.of())));
    }

    private void ended(LiveCall call) {
        liveCalls.remove(call.attemptId());
        previousOutcomes.remove(call.attemptId());
        DialLease lease = leases.remove(call.attemptId());
        String agentId = call.agent().agentId();
        if (call.wasConnectedToAgent()) {
            roster.callEnded(agentId);
            desktop.callEnded(agentId, call.attemptId());
        } else {
            roster.release(agentId);
        }
        CallAttempt attempt = call.toAttempt();
        counters.ended(attempt.result());
        history.recordAttempt(attempt).whenComplete((done, failure) -> {
            if (failure != null) {
                log.error("Attempt {} of case {} not recorded", attempt.attemptId(), attempt.caseId(), failure);
            }
        });
        crmFeed.attemptEnded(attempt);
        callList.callEnded(lease, attempt).whenComplete((done, failure) -> {
            if (failure != null) {
                log.error("Case {} not moved on after attempt {}; its lease lapses and it waits again",
                        attempt.caseId(), attempt.attemptId(), failure);
            }
        });
    }
}
