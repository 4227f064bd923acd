package dev.collector.console.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FloorAlertsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final FloorAlerts alerts = new FloorAlerts(new AlertThresholds(0.8, Duration.ofSeconds(60)));

    @Test
    void anAbandonRateAtEightyPercentOfTheCapInTheWindowWarns() {
        // 24 abandons in 1,000 answered: 2.4 % against 3 %
        List<Alert> raised = alerts.evaluate(floor(T0, 24, 1000, new FloorDetail.DayCounts(0, 0), 0, "READY"));

        assertThat(raised).extracting(Alert::code).containsExactly(FloorAlerts.ABANDON_RATE_NEAR_CAP);
        assertThat(raised.get(0).severity()).isEqualTo(Alert.Severity.WARNING);
        assertThat(raised.get(0).message()).contains("2.40 %").contains("3.00 %");
    }

    @Test
    void anAbandonRateJustBelowTheWarningIsNoAlert() {
        assertThat(alerts.evaluate(floor(T0, 23, 1000, new FloorDetail.DayCounts(100, 2), 0, "READY"))).isEmpty();
    }

    @Test
    void todaysRateOverTheCapIsCriticalEvenWhenTheWindowIsFine() {
        List<Alert> raised = alerts.evaluate(floor(T0, 10, 1000, new FloorDetail.DayCounts(100, 4), 0, "READY"));

        assertThat(raised).extracting(Alert::code).containsExactly(FloorAlerts.ABANDON_RATE_NEAR_CAP);
        assertThat(raised.get(0).severity()).isEqualTo(Alert.Severity.CRITICAL);
        assertThat(raised.get(0).message()).contains("today");
    }

    @Test
    void casesWaitingWithNoAgentReadyAlertOnlyAfterTheGracePeriod() {
        FloorDetail.DayCounts none = new FloorDetail.DayCounts(0, 0);
        assertThat(alerts.evaluate(floor(T0, 0, 0, none, 40, "READY"))).isEmpty();
        assertThat(alerts.evaluate(floor(T0.plusSeconds(30), 0, 0, none, 40, "ON_CALL"))).isEmpty();
        assertThat(alerts.evaluate(floor(T0.plusSeconds(59), 0, 0, none, 40, "ON_CALL"))).isEmpty();

        List<Alert> raised = alerts.evaluate(floor(T0.plusSeconds(60), 0, 0, none, 40, "WRAP_UP"));

        assertThat(raised).extracting(Alert::code).containsExactly(FloorAlerts.NO_READY_AGENTS);
        assertThat(raised.get(0).message()).contains("40 case(s) waiting").contains("60 s");
        // an agent ready again clears it, and the grace period starts over
        assertThat(alerts.evaluate(floor(T0.plusSeconds(61), 0, 0, none, 40, "READY"))).isEmpty();
        assertThat(alerts.evaluate(floor(T0.plusSeconds(120), 0, 0, none, 40, "PAUSED"))).isEmpty();
        assertThat(alerts.evaluate(floor(T0.plusSeconds(121), 0, 0, none, 40, "PAUSED"))).hasSize(1);
    }

    @Test
    void noAgentReadyWithNothingWaitingIsNoAlert() {
        FloorDetail.DayCounts none = new FloorDetail.DayCounts(0, 0);
        alerts.evaluate(floor(T0, 0, 0, none, 0, "PAUSED"));
        assertThat(alerts.evaluate(floor(T0.plus(Duration.ofMinutes(10)), 0, 0, none, 0, "PAUSED"))).isEmpty();
    }

    @Test
    void amiAndCassandraDownAreCritical() {
        FloorSnapshot floor = floor(T0, 0, 0, new FloorDetail.DayCounts(0, 0), 0, "READY");
        floor = floor.withDetail(floor.detail().withHealth(Map.of("ami", false, "cassandra", false, "hazelcast", true)));

        assertThat(alerts.evaluate(floor)).extracting(Alert::code, Alert::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FloorAlerts.AMI_DOWN, Alert.Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple(FloorAlerts.CASSANDRA_DOWN, Alert.Severity.CRITICAL));
    }

    @Test
    void missedFollowUpDeadlinesAreBreachesAndNearOnesWarnings() {
        FloorSnapshot floor = floor(T0, 0, 0, new FloorDetail.DayCounts(0, 0), 0, "READY");
        FloorDetail d = floor.detail();
        floor = floor.withDetail(new FloorDetail(d.campaigns(), d.today(), d.oldestWaiting(), d.callsPerDebtor(),
                new FloorDetail.SlaTasks(true, 3, 2), d.health()));

        List<Alert> raised = alerts.evaluate(floor);

        assertThat(raised).extracting(Alert::code).containsExactly(FloorAlerts.SLA_BREACHED, FloorAlerts.SLA_NEAR);
        assertThat(raised.get(0).message()).startsWith("2 follow-up task(s) missed");
        assertThat(raised.get(1).message()).startsWith("3 open follow-up task(s)");
    }

    private static FloorSnapshot floor(Instant at, long abandonsInWindow, long answeredInWindow,
                                       FloorDetail.DayCounts today, long waiting, String agentState) {
        FloorSnapshot.PacingOnFloor pacing = new FloorSnapshot.PacingOnFloor("PREDICTIVE", "PREDICTIVE", 1.4,
                abandonsInWindow, answeredInWindow, 0.03, "30 days", "", "");
        FloorDetail detail = new FloorDetail(List.of(), today, Optional.empty(),
                FloorDetail.CallsPerDebtor.unknown(), FloorDetail.SlaTasks.unknown(), Map.of());
        return new FloorSnapshot(at, "c1", "predictive", 0, 0, waiting, Map.of(), Map.of(),
                List.of(new FloorSnapshot.AgentOnFloor("a1", "Agent a1", agentState, at)), pacing, detail);
    }
}
