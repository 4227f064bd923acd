package dev.collector.dialer.ami;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.domain.call.CallResult;
import dev.collector.pbx.PbxSimulator;
import dev.collector.pbx.SimulatorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A PBX whose events come late: the calls are still followed, and the lag is measured. */
class DelayedEventsTest {

    @Test
    void eventsHeldBackByThePbxStillEndTheCallRightAndTheirLagIsMeasuredFromTheirTimestamps() throws Exception {
        SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(0.02);
        try (PbxSimulator pbx = PbxSimulator.start(settings);
             AmiConnection ami = new AmiConnection(new AmiSettings("127.0.0.1", pbx.port(), settings.username(),
                     settings.secret()).withEvents(AmiSettings.CALL_EVENTS));
             CallFollower follower = new CallFollower(ami)) {
            pbx.timestampEvents(true);
            List<Duration> lags = new CopyOnWriteArrayList<>();
            ami.onTimedSignal(timed -> timed.raisedAt().ifPresent(at -> lags.add(Duration.between(at, Instant.now()))));
            ami.connect();
            pbx.faults().delayEvents(Duration.ofMillis(300));

            String id = follower.dial(ami, "late-busy", Map.of("FORCE", "busy"), Duration.ofSeconds(25));

            assertThat(follower.endOf(id).result()).isEqualTo(CallResult.BUSY);
            assertThat(lags).isNotEmpty().allSatisfy(lag -> assertThat(lag).isBetween(
                    Duration.ofMillis(290), Duration.ofSeconds(5)));
        }
    }
}
