package dev.collector.dialer.campaign;

import dev.collector.dialer.ami.PbxGateway;
import dev.collector.dialer.call.LiveCall;
import dev.collector.domain.agent.Agent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects debtors who answered a call placed ahead of the agents (power, predictive) to an agent,
 * within the 2-second rule. The answered leg waits in the hold context; an agent is chosen at once
 * if one is free, else the call queues (first answered, first served) for an agent freed within the
 * wait. The agent's endpoint is set on the leg ({@code Setvar AGENT_ENDPOINT}) and the leg is
 * redirected to the connect context, which dials the agent and bridges. A call still without an
 * agent when the wait runs out is redirected to the safe-harbour context (the campaign's recorded
 * message, then hang-up) and ends as ABANDONED, because it never reaches an agent.
 *
 * <p>Used on the dialer's event loop only.
 */
final class AgentConnector {

    private static final Logger log = LoggerFactory.getLogger(AgentConnector.class);
    static final String AGENT_ENDPOINT = "AGENT_ENDPOINT";

    private final Vertx vertx;
    private final Context context;
    private final PbxGateway pbx;
    private final AgentChooser chooser;
    private final CampaignDialPlan plan;
    private final AnsweredCallFlow flow;
    private final Deque<LiveCall> waiting = new ArrayDeque<>();
    private final Map<String, Long> deadlines = new HashMap<>();

    AgentConnector(Vertx vertx, Context context, PbxGateway pbx, AgentChooser chooser, CampaignDialPlan plan,
                   AnsweredCallFlow flow) {
        this.vertx = vertx;
        this.context = context;
        this.pbx = pbx;
        this.chooser = chooser;
        this.plan = plan;
        this.flow = flow;
    }

    /** A person answered a call that has no agent: connect now or wait for one, at most the wait. */
    void answered(LiveCall call) {
        if (tryConnect(call)) {
            return;
        }
        waiting.addLast(call);
        deadlines.put(call.attemptId(), vertx.setTimer(Math.max(1, flow.agentWait().toMillis()),
                id -> sendToSafeHarbour(call)));
        // routing may hold the debtor for an agent about to be free: it must be asked again in time
        chooser.askAgainIn(call).ifPresent(wait -> vertx.setTimer(Math.max(1, wait.toMillis()), id -> agentFreed()));
    }

    /** An agent became ready: he takes the debtor who has waited longest. */
    void agentFreed() {
        while (!waiting.isEmpty()) {
            LiveCall first = waiting.peekFirst();
            if (first.ended()) {
                forget(waiting.removeFirst());
                continue;
            }
            if (!tryConnect(first)) {
                return;
            }
            forget(waiting.removeFirst());
        }
    }

    void ended(LiveCall call) {
        if (waiting.remove(call)) {
            forget(call);
        }
    }

    /** Answered debtors waiting for an agent now. */
    int waitingCount() {
        return waiting.size();
    }

    private boolean tryConnect(LiveCall call) {
        Optional<Agent> agent = chooser.reserveFor(call);
        if (agent.isEmpty()) {
            return false;
        }
        call.assign(agent.get());
        String channel = call.debtorChannel();
        // Asterisk runs one session's actions in order, but chaining on the Setvar's response also
        // keeps the simulator and any proxy honest: the leg must not reach Dial() without the variable.
        CompletionStage<Boolean> moved = pbx
                .setVariable(call.attemptId(), channel, AGENT_ENDPOINT, agent.get().endpoint())
                .thenCompose(set -> set ? pbx.redirect(call.attemptId(), channel, plan.context(), plan.exten(), 1)
                        : java.util.concurrent.CompletableFuture.completedFuture(false));
        moved.whenComplete((ok, failure) -> context.runOnContext(v -> {
            if (failure != null || !Boolean.TRUE.equals(ok)) {
                // the debtor hung up meanwhile: the call's Hangup ends it and releases the agent
                log.info("Attempt {} could not be moved to agent {}", call.attemptId(), agent.get().agentId());
            }
        }));
        return true;
    }

    private void sendToSafeHarbour(LiveCall call) {
        deadlines.remove(call.attemptId());
        if (!waiting.remove(call) || call.ended()) {
            return;
        }
        log.info("No agent within {} ms of the answer of {}: safe-harbour message", flow.agentWait().toMillis(),
                call.attemptId());
        pbx.setVariable(call.attemptId(), call.debtorChannel(), "SAFE_HARBOUR_MESSAGE", flow.safeHarbourMessage())
                .thenCompose(set -> pbx.redirect(call.attemptId(), call.debtorChannel(), flow.safeHarbourContext(),
                        flow.safeHarbourExten(), 1))
                .whenComplete((ok, failure) -> {
                    if (failure != null || !Boolean.TRUE.equals(ok)) {
                        // hung up before the message: still abandoned; nothing more to send it
                        log.info("Safe-harbour redirect of {} not done", call.attemptId());
                    }
                });
    }

    private void forget(LiveCall call) {
        Long timer = deadlines.remove(call.attemptId());
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }
}
