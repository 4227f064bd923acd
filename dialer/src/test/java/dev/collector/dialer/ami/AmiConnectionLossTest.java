package dev.collector.dialer.ami;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.dialer.call.CallSignal;
import dev.collector.pbx.PbxSimulator;
import dev.collector.pbx.SimulatorSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AmiConnectionLossTest {

    @Test
    void withThePbxGoneAnOriginateIsNotSentAndNoSignalPretendsItWas() throws Exception {
        PbxSimulator pbx = PbxSimulator.start(SimulatorSettings.defaults().withTimeScale(0.02));
        AmiConnection ami = new AmiConnection(new AmiSettings("127.0.0.1", pbx.port(), "collector", "collector"));
        List<CallSignal> signals = new CopyOnWriteArrayList<>();
        ami.onSignal(signals::add);
        ami.connect();
        assertThat(ami.isConnected()).isTrue();

        pbx.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ami.isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(ami.isConnected()).isFalse();
        assertThat(ami.originate(new OriginateRequest("attempt-x", "Local/420601000001@debtors", "collector-connect",
                "agent", 1, Duration.ofSeconds(25), "Collector <100>", Map.of()))).isFalse();
        assertThat(signals).isEmpty();
        ami.close();
    }
}
