package dev.collector.app;

import dev.collector.app.config.NodeConfig;
import dev.collector.app.demo.DemoRun;
import dev.collector.domain.agent.Agent;
import java.time.Duration;

/** What runs where, printed once the node is up, so a person knows what to open. */
final class StartupReport {

    private StartupReport() {
    }

    static void print(CollectorNode node, DemoRun demo, Duration startup) {
        NodeConfig config = node.config();
        String cassandra = node.outcomeStore().localNode()
                .map(n -> "local node (separate JVM) on 127.0.0.1:" + config.outcomeStore().localNode().cqlPort()
                        + ", data in " + config.outcomeStore().localNode().dataDir())
                .orElse("cluster " + config.outcomeStore().contactPoints());
        String pbx = node.simulator().isPresent()
                ? "PBX simulator speaking AMI on " + node.amiSettings().host() + ":" + node.amiSettings().port()
                  + " (time scale " + config.simulator().timeScale() + ")"
                : config.pbxs().size() > 1
                        ? config.pbxs().size() + " Asterisk servers: " + config.pbxs().stream()
                                .map(p -> p.host() + ":" + p.port()).collect(java.util.stream.Collectors.joining(", "))
                        : "Asterisk at " + node.amiSettings();
        StringBuilder out = new StringBuilder();
        out.append("\n== Collector is running (started in ").append(startup.toMillis() / 100 / 10.0).append(" s)\n");
        out.append("  Agent desktop    http://localhost:").append(node.httpPort()).append("/agent\n");
        out.append("  Supervisor wall  http://localhost:").append(node.httpPort()).append("/supervisor\n");
        node.demoSupervisorPin().ifPresent(pin -> out.append("                   log in as ")
                .append(dev.collector.app.monitoring.SupervisorConfig.DEMO_SUPERVISOR).append(", PIN ").append(pin)
                .append(" (drawn for this run; set collector.supervisors.pins to choose)\n"));
        out.append("  Metrics, health  http://localhost:").append(node.httpPort())
                .append("/metrics, /health/live, /health/ready\n");
        out.append("  CRM gRPC API     localhost:").append(node.grpcPort())
                .append("  (collector.v1.CaseService, collector.v1.OutcomeService)\n");
        out.append("  Telephony        ").append(pbx).append('\n');
        out.append("  Outcome store    Cassandra ").append(cassandra).append(", keyspace ")
                .append(config.outcomeStore().keyspace()).append('\n');
        out.append("  Case queues      Hazelcast member, cluster '").append(config.hazelcast().clusterName()).append("'\n");
        out.append("  Campaign         ").append(config.dialPlan().campaignId()).append(", progressive, ring timeout ")
                .append(config.dialPlan().ringTimeout().toSeconds()).append(" s\n");
        if (demo != null) {
            out.append("  Demo             the demo CRM submitted ").append(demo.submitted())
                    .append(" cases; simulated agents: ").append(String.join(", ", demo.simulatedAgentIds())).append('\n');
            config.agents().stream().map(Agent::agentId).filter(id -> !demo.simulatedAgentIds().contains(id))
                    .findFirst().ifPresent(free -> out.append("                   log in as ").append(free)
                            .append(" on the agent desktop and press Ready to take calls yourself\n"));
        }
        out.append("  Stop             Ctrl-C\n");
        System.out.println(out);
    }
}
