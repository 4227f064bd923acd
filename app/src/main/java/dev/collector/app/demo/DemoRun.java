package dev.collector.app.demo;

import dev.collector.app.CollectorNode;
import dev.collector.app.config.NodeConfig;
import dev.collector.console.simulatedagent.SimulatedAgent;
import dev.collector.console.simulatedagent.SimulatedAgentSettings;
import dev.collector.domain.agent.Agent;
import dev.collector.protos.v1.SubmitCasesResponse;
import dev.collector.routing.roster.AgentState;
import io.vertx.core.Future;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo campaign: the demo CRM submits a generated call list over gRPC and follows the outcome
 * stream, and simulated agents log in to the agent desktop and work the calls. Agents beyond the
 * simulated ones are left for people.
 */
public final class DemoRun implements AutoCloseable {

    private static final Duration THINK_TIME = Duration.ofSeconds(2);
    private static final Duration WRAP_UP = Duration.ofMillis(800);

    private final CollectorNode node;
    private final DemoCrm crm;
    private final List<SimulatedAgent> agents;
    private final int submitted;

    private DemoRun(CollectorNode node, DemoCrm crm, List<SimulatedAgent> agents, int submitted) {
        this.node = node;
        this.crm = crm;
        this.agents = agents;
        this.submitted = submitted;
    }

    public static DemoRun start(CollectorNode node) {
        NodeConfig config = node.config();
        NodeConfig.DemoConfig demo = config.demo();
        String campaign = config.dialPlan().campaignId();
        DemoCrm crm = new DemoCrm("127.0.0.1", node.grpcPort());
        crm.createCampaign(config.campaignRules());
        SubmitCasesResponse accepted = crm.submit(campaign,
                DemoDebtors.generate(demo.cases(), demo.seed(), LocalDate.now(), runTag()));
        crm.followOutcomes(campaign);

        List<SimulatedAgent> bots = config.agents().stream().limit(demo.simulatedAgents())
                .map(Agent::agentId)
                .map(id -> new SimulatedAgent(node.vertx(), SimulatedAgentSettings
                        .of("127.0.0.1", node.httpPort(), id, demo.seed() + id.hashCode())
                        .withThinkTime(THINK_TIME).withWrapUpDelay(WRAP_UP).withClock(Clock.systemUTC())))
                .toList();
        Future.all(bots.stream().map(SimulatedAgent::start).toList()).await();
        return new DemoRun(node, crm, bots, accepted.getAcceptedCaseIdsCount());
    }

    public int submitted() {
        return submitted;
    }

    public List<String> simulatedAgentIds() {
        return agents.stream().map(SimulatedAgent::agentId).toList();
    }

    /** A line every ten seconds: what the dialer did and what the CRM has heard back. */
    public void reportProgressUntilStopped(PrintStream out) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(10_000);
            int waiting = node.callList().waiting(node.config().dialPlan().campaignId()).toCompletableFuture().join();
            out.printf("dialed %d | ended %s | waiting %d | agents ready %d, on call %d, wrap-up %d | CRM heard %d attempts, outcomes %s%n",
                    node.dialer().counters().dialedCount(), node.dialer().counters().endedByResult(), waiting,
                    node.roster().count(AgentState.READY), node.roster().count(AgentState.ON_CALL),
                    node.roster().count(AgentState.WRAP_UP), crm.attemptsEnded(), crm.outcomesByDisposition());
        }
    }

    @Override
    public void close() {
        for (SimulatedAgent agent : agents) {
            try {
                agent.stop().await(5, TimeUnit.SECONDS);
            } catch (Exception | Error e) {
                // stopping anyway
            }
        }
        crm.close();
    }

    /** e.g. {@code R1123-1147-}: this run's day and minute, so that ids read well on the desktop. */
    private static String runTag() {
        return "R" + java.time.format.DateTimeFormatter.ofPattern("MMdd-HHmm-").format(java.time.LocalDateTime.now());
    }
}
