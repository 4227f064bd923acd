package dev.collector.dialer.campaign;

import dev.collector.domain.agent.Agent;
import dev.collector.domain.casework.CallList;
import dev.collector.domain.casework.DialLease;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.routing.desktop.AgentDesktop;
import dev.collector.routing.desktop.PreviewChoices;
import dev.collector.routing.desktop.PreviewOffer;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.AgentState;
import dev.collector.routing.roster.Assignment;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preview mode: each ready agent is reserved for one case and shown it; he dials it or skips it.
 * If he does neither within the time limit the case is dialed for him, as the common "preview with
 * timer" of commercial dialers does: a case must not sit on a screen while the agent is away, and
 * an agent who needs more time can skip. A skipped case goes back to the queue only after the agent
 * has been given his next case, so he is not shown the same one again at once.
 */
final class PreviewDialing implements PreviewChoices {

    private static final Logger log = LoggerFactory.getLogger(PreviewDialing.class);

    private record Offer(DialLease lease, Agent agent, long timer) {
    }

    private final Vertx vertx;
    private final Context context;
    private final String campaignId;
    private final CallList callList;
    private final AgentRoster roster;
    private final AgentDesktop desktop;
    private final ContactHistory history;
    private final Duration timeout;
    private final Clock clock;
    private final BiPredicate<DialLease, Agent> dialer;
    /** By agent id; written on the dialer's loop, removed from any thread (whoever removes, acts). */
    private final Map<String, Offer> offers = new ConcurrentHashMap<>();
    private final Map<String, DialLease> skipped = new HashMap<>();
    private boolean leasing;

    PreviewDialing(Vertx vertx, Context context, String campaignId, CallList callList, AgentRoster roster,
                   AgentDesktop desktop, ContactHistory history, Duration timeout, Clock clock,
                   BiPredicate<DialLease, Agent> dialer) {
        this.vertx = vertx;
        this.context = context;
        this.campaignId = campaignId;
        this.callList = callList;
        this.roster = roster;
        this.desktop = desktop;
        this.history = history;
        this.timeout = timeout;
        this.clock = clock;
        this.dialer = dialer;
    }

    /** On the dialer's loop: one case for each ready agent, one lease at a time. */
    void offerToReadyAgents() {
        if (leasing || roster.count(AgentState.READY) == 0) {
            return;
        }
        leasing = true;
        Future.fromCompletionStage(callList.leaseNext(campaignId), context).onComplete(taken -> {
            leasing = false;
            if (taken.failed()) {
                log.warn("Could not lease a case of {} to preview", campaignId, taken.cause());
                return;
            }
            Optional<DialLease> lease = taken.result();
            Optional<Agent> agent = lease.flatMap(l ->
                    roster.reserveLongestIdle(new Assignment(l.attemptId(), l.caseId())));
            if (lease.isPresent() && agent.isEmpty()) {
                handBack(lease.get());
            }
            if (agent.isPresent()) {
                handBack(skipped.remove(agent.get().agentId()));
                offer(lease.get(), agent.get());
                offerToReadyAgents();
            } else {
                // nothing left to show: the skipped cases go back, and may be shown again
                skipped.values().forEach(this::handBack);
                skipped.clear();
            }
        });
    }

    private void offer(DialLease lease, Agent agent) {
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> dial(agent.agentId(), lease.attemptId()));
        offers.put(agent.agentId(), new Offer(lease, agent, timer));
        Future.fromCompletionStage(history.outcomesOf(lease.caseId()), context).onComplete(previous ->
                desktop.preview(new PreviewOffer(agent.agentId(), lease.attemptId(), lease.phoneNumber(),
                        lease.aCase(), previous.succeeded() ? previous.result() : List.of(),
                        clock.instant().plus(timeout))));
    }

    @Override
    public boolean dial(String agentId, String attemptId) {
        Optional<Offer> offer = take(agentId, attemptId);
        offer.ifPresent(o -> context.runOnContext(v -> {
            vertx.cancelTimer(o.timer());
            if (!dialer.test(o.lease(), o.agent())) {
                log.info("Previewed case {} could not be dialed; it waits again", o.lease().caseId());
            }
        }));
        return offer.isPresent();
    }

    @Override
    public boolean skip(String agentId, String attemptId) {
        Optional<Offer> offer = take(agentId, attemptId);
        offer.ifPresent(o -> context.runOnContext(v -> {
            vertx.cancelTimer(o.timer());
            skipped.put(agentId, o.lease());
            roster.release(agentId); // ready again: the next tick shows him another case
        }));
        return offer.isPresent();
    }

    private Optional<Offer> take(String agentId, String attemptId) {
        Offer offer = offers.get(agentId);
        if (offer == null || !offer.lease().attemptId().equals(attemptId) || !offers.remove(agentId, offer)) {
            return Optional.empty();
        }
        return Optional.of(offer);
    }

    private void handBack(DialLease lease) {
        if (lease == null) {
            return;
        }
        callList.notDialed(lease).whenComplete((done, failure) -> {
            if (failure != null) {
                log.warn("Lease {} not handed back; it lapses by itself", lease.attemptId(), failure);
            }
        });
    }
}
