package dev.collector.console.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alert rules of the wall, evaluated on every snapshot: abandon rate near its cap, cases
 * waiting with no agent ready, AMI or Cassandra down, follow-up SLAs breached or about to be.
 * Remembers only since when no agent has been ready, so that a busy minute is no alarm.
 * Not thread-safe: the wall evaluates it on one context.
 */
public final class FloorAlerts {

    public static final String ABANDON_RATE_NEAR_CAP = "ABANDON_RATE_NEAR_CAP";
    public static final String NO_READY_AGENTS = "NO_READY_AGENTS_WITH_WAITING_CASES";
    public static final String AMI_DOWN = "AMI_DOWN";
    public static final String CASSANDRA_DOWN = "CASSANDRA_DOWN";
    public static final String SLA_BREACHED = "SLA_BREACHED";
    public static final String SLA_NEAR = "SLA_NEAR_DUE";
    /** Every code the rules can raise, for metrics that must show 0 as well as 1. */
    public static final List<String> CODES = List.of(ABANDON_RATE_NEAR_CAP, NO_READY_AGENTS, AMI_DOWN, CASSANDRA_DOWN,
            SLA_BREACHED, SLA_NEAR);

    private final AlertThresholds thresholds;
    private Instant lastAgentReady;

    public FloorAlerts(AlertThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public List<Alert> evaluate(FloorSnapshot floor) {
        List<Alert> alerts = new ArrayList<>();
        abandonRate(floor, alerts);
        noReadyAgents(floor, alerts);
        Map<String, Boolean> health = floor.detail().health();
        if (Boolean.FALSE.equals(health.get("ami"))) {
            alerts.add(new Alert(AMI_DOWN, Alert.Severity.CRITICAL,
                    "The PBX (AMI) does not answer: nothing is being dialed"));
        }
        if (Boolean.FALSE.equals(health.get("cassandra"))) {
            alerts.add(new Alert(CASSANDRA_DOWN, Alert.Severity.CRITICAL,
                    "Cassandra does not answer: outcomes wait in the local journal"));
        }
        FloorDetail.SlaTasks sla = floor.detail().sla();
        if (sla.known() && sla.pastDue() > 0) {
            alerts.add(new Alert(SLA_BREACHED, Alert.Severity.CRITICAL,
                    sla.pastDue() + " follow-up task(s) missed their deadline today and were escalated"));
        }
        if (sla.known() && sla.nearDue() > 0) {
            alerts.add(new Alert(SLA_NEAR, Alert.Severity.WARNING,
                    sla.nearDue() + " open follow-up task(s) reach their deadline soon"));
        }
        return alerts;
    }

    private void abandonRate(FloorSnapshot floor, List<Alert> alerts) {
        FloorSnapshot.PacingOnFloor pacing = floor.pacingDetail();
        // less a hair, so that exactly 80 % of 3 % (0.024, not quite that in binary) warns
        double warnAt = thresholds.abandonShareOfCap() * pacing.abandonCap() - 1e-12;
        FloorDetail.DayCounts today = floor.detail().today();
        boolean window = pacing.answeredInWindow() > 0 && pacing.abandonRateInWindow() >= warnAt;
        boolean day = today.answered() > 0 && today.abandonRate() >= warnAt;
        if (window || day) {
            double rate = Math.max(window ? pacing.abandonRateInWindow() : 0, day ? today.abandonRate() : 0);
            alerts.add(new Alert(ABANDON_RATE_NEAR_CAP,
                    rate >= pacing.abandonCap() - 1e-12 ? Alert.Severity.CRITICAL : Alert.Severity.WARNING,
                    String.format("Abandon rate %.2f %% (%s) against a cap of %.2f %% in campaign %s", 100 * rate,
                            window && day ? "window and today" : window ? "window " + pacing.window() : "today",
                            100 * pacing.abandonCap(), floor.campaignId())));
        }
    }

    private void noReadyAgents(FloorSnapshot floor, List<Alert> alerts) {
        if (floor.agentsIn("READY") > 0 || floor.agentsIn("RESERVED") > 0 || lastAgentReady == null) {
            lastAgentReady = floor.at();
        }
        if (floor.waitingCases() == 0) {
            return;
        }
        Duration without = Duration.between(lastAgentReady, floor.at());
        if (without.compareTo(thresholds.noReadyAgentsFor()) >= 0) {
            alerts.add(new Alert(NO_READY_AGENTS, Alert.Severity.WARNING, floor.waitingCases()
                    + " case(s) waiting and no agent ready for " + without.toSeconds() + " s"));
        }
    }
}
