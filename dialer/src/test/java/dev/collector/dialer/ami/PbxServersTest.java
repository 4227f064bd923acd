package dev.collector.dialer.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PbxServersTest {

    private static final String FIELD = "collector.ami.servers";

    @Test
    void eachServerHasItsPortAndLimitsAndTheSharedAccount() {
        List<AmiSettings> servers = PbxServers.parse(
                "pbx-a.example:5039;max-channels=400;trunk-limit=120, pbx-b.example;trunk-limit=60;channels-per-call=4",
                "collector", "s3cret", FIELD);

        assertThat(servers).hasSize(2);
        assertThat(servers.get(0).host()).isEqualTo("pbx-a.example");
        assertThat(servers.get(0).port()).isEqualTo(5039);
        assertThat(servers.get(0).limits()).isEqualTo(new PbxLimits(400, 120, 2));
        assertThat(servers.get(1).port()).isEqualTo(5038);
        assertThat(servers.get(1).limits()).isEqualTo(new PbxLimits(0, 60, 4));
        assertThat(servers.get(1).username()).isEqualTo("collector");
        assertThat(servers.get(1).toString()).doesNotContain("s3cret");
    }

    @Test
    void aMistakeIsNamedWithTheFieldAndTheEntry() {
        assertThatThrownBy(() -> PbxServers.parse("pbx-a;trunk=5", "u", "s", FIELD))
                .hasMessageContaining(FIELD).hasMessageContaining("unknown option 'trunk'");
        assertThatThrownBy(() -> PbxServers.parse("pbx-a:port", "u", "s", FIELD))
                .hasMessageContaining(FIELD).hasMessageContaining("port in 'pbx-a:port'");
        assertThatThrownBy(() -> PbxServers.parse("pbx-a;max-channels=-1", "u", "s", FIELD))
                .hasMessageContaining("max-channels");
        assertThatThrownBy(() -> PbxServers.parse("pbx-a, pbx-a:5038", "u", "s", FIELD))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> PbxServers.parse(" , ", "u", "s", FIELD))
                .hasMessageContaining("at least one");
    }
}
