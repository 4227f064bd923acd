package dev.collector.dialer.campaign;

import dev.collector.dialer.ami.PbxGateway;
import dev.collector.dialer.ami.OriginateRequest;
import dev.collector.dialer.call.CallSignal;
import dev.collector.dialer.call.LiveCall;
import dev.collector.dialer.pacing.PacingDecision;
import dev.collector.dialer.pacing.PacingState;
import dev.collector.dialer.window.AbandonWindow;
import dev.collector.domain.agent.Agent;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.campaign.Campaign;
import dev.collector.domain.campaign.CampaignDirectory;
import dev.collector.domain.campaign.DialMode;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.DialLease;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.CrmFeed;
import dev.collector.domain.outcome.Outcome;
import dev.collector.routing.desktop.AgentDesktop;
import dev.collector.routing.desktop.ScreenPop;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.AgentState;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dials one campaign in the mode the campaign directory gives it (a change takes effect on the next
 * tick). Once a second, and whenever an agent becomes ready or a call ends, it observes the floor
 * ({@link PacingObserver}), asks the mode's pacing policy how many calls to place
 * ({@link PacingPolicies}: the classes the benchmark measures) and places them:
 *
 * <ul>
 *   <li>progressive, and power or predictive while the governor holds them progressive: an agent is
 *       reserved first and the call is originated with his endpoint set, so the dialplan bridges on
 *       answer (no abandon by construction);
 *   <li>power and predictive: the call is originated into the hold context without an agent; the
 *       {@link AgentConnector} gives the answered debtor an agent or, after 2 s, the safe-harbour
 *       message;
 *   <li>preview: {@link PreviewDialing} shows each ready agent a case; the call is placed when he
 *       dials (or his time is up).
 * </ul>
 *
 * Every attempt is recorded, fed to the CRM and handed to the call list, which applies the compliance
 * consequences (an ABANDONED attempt locks the number out). All state lives on this verticle's event
 * loop; PBX signals and roster changes are handed to it.
 */
public final class CampaignDialer extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(CampaignDialer.class);
    /** Beyond the ring timeout, how long we wait for an OriginateResponse before giving the call up. */
    private static final Duration ORIGINATE_GRACE = Duration.ofSeconds(30);
    private static final long TICK_MS = 1000;

    private final CampaignDialPlan plan;
    private final AnsweredCallFlow flow;
    private final PacingSettings settings;
    private final CampaignDirectory campaigns;
    private final CallList callList;
    private final AgentRoster roster;
    private final PbxGateway pbx;
    private final ContactHistory history;
    private final CrmFeed crmFeed;
    private final AgentDesktop desktop;
    private final AgentChooser chooser;
    private final AbandonWindow window;
    private final Clock clock;
    private final DialerCounters counters;
    private final PacingPolicies policies;
    private final HandlingObservations handling;

    private final Map<String, LiveCall> liveCalls = new HashMap<>();
    private final Map<String, Future<List<Outcome>>> previousOutcomes = new HashMap<>();
    private final Map<String, DialLease> leases = new HashMap<>();
    private PacingObserver observer;
    private AgentConnector connector;
    private PreviewDialing preview;
    private boolean pacing;
    private boolean governorEngaged;
    private Optional<Instant> governorEngagedAt = Optional.empty();
    private long tickTimer;

    public CampaignDialer(CampaignDialPlan plan, AnsweredCallFlow flow, PacingSettings settings,
                          CampaignDirectory campaigns, CallList callList, AgentRoster roster, PbxGateway pbx,
                          ContactHistory history, CrmFeed crmFeed, AgentDesktop desktop, AgentChooser chooser,
                          AbandonWindow window, DialerCounters counters, Clock clock) {
        this.plan = plan;
        this.flow = flow;
        this.settings = settings;
        this.campaigns = campaigns;
        this.callList = callList;
        this.roster = roster;
        this.pbx = pbx;
        this.history = history;
        this.crmFeed = crmFeed;
        this.desktop = desktop;
        this.chooser = chooser;
        this.window = window;
        this.counters = counters;
        this.clock = clock;
        this.policies = new PacingPolicies(settings);
        this.handling = new HandlingObservations(plan.ringTimeout());
    }

    @Override
    public Future<?> start() {
        observer = new PacingObserver(roster, handling, window, plan.ringTimeout(), settings.abandonCap());
        connector = new AgentConnector(vertx, context, pbx, chooser, plan, flow);
        preview = new PreviewDialing(vertx, context, plan.campaignId(), callList, roster, desktop, history,
                settings.previewTimeout(), clock, this::dialReserved);
        desktop.answerPreviewsWith(preview);
        pbx.onSignal(signal -> context.runOnContext(v -> onSignal(signal)));
        roster.onChange(status -> context.runOnContext(v -> {
            handling.agentChanged(status);
            if (status.state() == AgentState.READY) {
                connector.agentFreed();
                tick();
            }
        }));
        // The window is loaded before the first call is counted or paced on.
        return Future.fromCompletionStage(window.load(), context).onSuccess(v ->
                tickTimer = vertx.setPeriodic(TICK_MS, id -> tick()));
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(tickTimer);
        return Future.succeededFuture();
    }

    public DialerCounters counters() {
        return counters;
    }

    /**
     * A supervisor's abandon cap for this campaign from the next pacing decision: at most the
     * configured (regulatory) cap, which no one may raise from the floor. Not kept over a restart.
     *
     * @throws IllegalArgumentException when not above 0 or above the configured cap
     * @throws IllegalStateException before the dialer is deployed
     */
    public void capAbandonRate(double cap) {
        if (!(cap > 0 && cap <= settings.abandonCap())) {
            throw new IllegalArgumentException("must be above 0 and at most the configured cap "
                    + settings.abandonCap() + ", was " + cap);
        }
        if (observer == null) {
            throw new IllegalStateException("the dialer of " + plan.campaignId() + " is not running");
        }
        observer.capAbandonRate(cap);
    }

    public String campaignId() {
        return plan.campaignId();
    }

    private void tick() {
        // While the AMI session is down nothing can be dialed: cases stay queued instead of being
        // burnt as failed attempts.
        if (pacing || !pbx.isConnected()) {
            return;
        }
        pacing = true;
        Future.fromCompletionStage(campaigns.find(plan.campaignId()), context).onComplete(found -> {
            Optional<Campaign> campaign = found.succeeded() ? found.result() : Optional.empty();
            if (found.failed()) {
                log.warn("Campaign {} not read; paced as before", plan.campaignId(), found.cause());
            }
            if (campaign.isPresent() && !campaign.get().dials()) {
                pacing = false; // paused or closed: calls in flight finish, no new ones
                return;
            }
            DialMode mode = campaign.map(Campaign::dialMode).orElse(settings.fallbackMode());
            if (mode == DialMode.PREVIEW) {
                report(mode, observer.observe(clock.instant(), liveCalls.values(), false),
                        new PacingDecision(0, dev.collector.dialer.pacing.DialMode.PROGRESSIVE, false,
                                "preview: each ready agent is shown a case and dials it"));
                pacing = false;
                preview.offerToReadyAgents();
                return;
            }
            PacingState state = observer.observe(clock.instant(), liveCalls.values(), governorEngaged);
            PacingDecision decision = policies.forMode(mode).decide(state);
            noteGovernor(decision, state.now());
            report(mode, state, decision);
            boolean reserveFirst = mode == DialMode.PROGRESSIVE
                    || decision.mode() == dev.collector.dialer.pacing.DialMode.PROGRESSIVE;
            place(decision.callsToPlace(), reserveFirst);
        });
    }

    private void noteGovernor(PacingDecision decision, Instant now) {
        if (decision.governorEngaged() && !governorEngaged) {
            governorEngagedAt = Optional.of(now);
            log.warn("Campaign {}: {}", plan.campaignId(), decision.reason());
        } else if (!decision.governorEngaged()) {
            governorEngagedAt = Optional.empty();
        }
        governorEngaged = decision.governorEngaged();
    }

    private void report(DialMode mode, PacingState state, PacingDecision decision) {
        counters.paced(new PacingStatus(state.now(), mode.name(), decision.mode().name(), liveCalls.size(),
                state.agentsLoggedIn(), state.abandonsInWindow(), state.answeredInWindow(), state.abandonCap(),
                window.window(), governorEngagedAt, decision.reason()));
    }

    /** Leases and dials up to {@code remaining} cases, one after the other. */
    private void place(int remaining, boolean reserveFirst) {
        if (remaining <= 0 || (reserveFirst && roster.count(AgentState.READY) == 0)) {
            pacing = false;
            return;
        }
        Future.fromCompletionStage(callList.leaseNext(plan.campaignId()), context).onComplete(taken -> {
            if (taken.failed()) {
                log.warn("Could not lease the next case of {}", plan.campaignId(), taken.cause());
                pacing = false;
            } else if (taken.result().isEmpty()) {
                pacing = false;
            } else if (reserveFirst ? reserveAndDial(taken.result().get()) : dialAhead(taken.result().get())) {
                place(remaining - 1, reserveFirst);
            } else {
                pacing = false;
            }
        });
    }

    private boolean reserveAndDial(DialLease lease) {
        Optional<Agent> agent = chooser.reserveFor(lease.attemptId(), lease.aCase(), Optional.empty());
        if (agent.isEmpty()) {
            handBack(lease, "no ready agent any more");
            return false;
        }
        return dialReserved(lease, agent.get());
    }

    /** Originates for an agent already reserved: the dialplan bridges him on answer. */
    boolean dialReserved(DialLease lease, Agent agent) {
        LiveCall call = new LiveCall(lease.attemptId(), lease.aCase(), lease.phoneNumber(), agent, clock.instant());
        boolean sent = originate(call, lease, plan.context(), plan.exten(), Map.of(
                AgentConnector.AGENT_ENDPOINT, agent.endpoint(),
                "COLLECTOR_ATTEMPT", lease.attemptId()));
        if (!sent) {
            roster.release(agent.agentId());
        }
        return sent;
    }

    /** Originates into the hold context: an agent is chosen when a person answers. */
    private boolean dialAhead(DialLease lease) {
        LiveCall call = LiveCall.withoutAgent(lease.attemptId(), lease.aCase(), lease.phoneNumber(), clock.instant());
        return originate(call, lease, flow.holdContext(), flow.holdExten(), Map.of(
                "COLLECTOR_ATTEMPT", lease.attemptId(),
                "SAFE_HARBOUR_MESSAGE", flow.safeHarbourMessage()));
    }

    private boolean originate(LiveCall call, DialLease lease, String context, String exten, Map<String, String> vars) {
        if (flow.machines().detect()) {
            // the answered leg runs AMD() first; the call counts as answered once it says "person"
            call.detectMachines(flow.machines().policy());
            exten = dev.collector.dialer.call.MachineHandling.AMD_EXTEN;
            vars = new HashMap<>(vars);
            vars.putAll(flow.machines().channelVariables());
        }
        String attemptId = lease.attemptId();
        liveCalls.put(attemptId, call);
        leases.put(attemptId, lease);
        // Fetched now so that the screen pop need not wait for the store when the debtor answers.
        previousOutcomes.put(attemptId, Future.fromCompletionStage(history.outcomesOf(lease.caseId()), this.context));
        boolean sent = pbx.originate(new OriginateRequest(attemptId, plan.channelFor(lease.phoneNumber()), context,
                exten, 1, plan.ringTimeout(), plan.callerId(), vars));
        if (!sent) {
            // No call was placed: the case waits again and is dialed once the PBX is back.
            liveCalls.remove(attemptId);
            leases.remove(attemptId);
            previousOutcomes.remove(attemptId);
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
        boolean answeredBefore = call.answered();
        LiveCall.Step step = call.apply(signal, clock.instant());
        if (!answeredBefore && call.answered()) {
            handling.answered(call, clock.instant());
            if (call.agent().isEmpty() && step == LiveCall.Step.NOTHING) {
                connector.answered(call);
            }
        }
        switch (step) {
            case CONNECTED_TO_AGENT -> connected(call);
            case ENDED -> ended(call);
            case NOTHING -> { }
        }
    }

    private void connected(LiveCall call) {
        Agent agent = call.agent().orElseThrow();
        roster.connect(agent.agentId());
        // taken now, not when the history arrives: the pop's latency is measured from the bridge, so a
        // slow history read must show in it (wall clock, as the browser measuring it has no other)
        java.time.Instant bridged = java.time.Instant.now();
        previousOutcomes.get(call.attemptId()).onComplete(previous -> desktop.screenPop(new ScreenPop(
                agent.agentId(), call.attemptId(), call.phoneNumber(), call.aCase(),
                previous.succeeded() ? previous.result() : List.of(), bridged)));
    }

    private void ended(LiveCall call) {
        liveCalls.remove(call.attemptId());
        previousOutcomes.remove(call.attemptId());
        connector.ended(call);
        DialLease lease = leases.remove(call.attemptId());
        call.agent().ifPresent(agent -> {
            if (call.wasConnectedToAgent()) {
                roster.callEnded(agent.agentId());
                desktop.callEnded(agent.agentId(), call.attemptId());
            } else {
                roster.release(agent.agentId());
            }
        });
        CallAttempt attempt = call.toAttempt();
        handling.ended(call, clock.instant());
        if (attempt.result().reachedDebtor()) {
            window.count(attempt.result() == CallResult.ABANDONED);
        }
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
        tick();
    }
}
