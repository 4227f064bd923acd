package dev.collector.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collector.routing.skills.AgentProfile;
import dev.collector.routing.skills.CollectorRole;
import dev.collector.routing.skills.WorkQueue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingConfigLoaderTest {

    @Test
    void agentsRolesLanguagesTeamsQueuesWrapUpsPauseReasonsAndPinsAreReadFromTheSettings() {
        Properties p = new Properties();
        p.setProperty("collector.routing.agents", "agent-01:SENIOR:cs+en:north,agent-02:junior::south:JUNIOR>SENIOR");
        p.setProperty("collector.routing.campaign-teams", "late-stage:north");
        p.setProperty("collector.agents.wrap-up", "45");
        p.setProperty("collector.agents.wrap-up-by-campaign", "late-stage:120");
        p.setProperty("collector.agents.pause-reasons", "BREAK, Meeting");
        p.setProperty("collector.agents.pins", "agent-01:" + "ab".repeat(32));

        RoutingConfig config = RoutingConfigLoader.load(new ConfigSource(p, Map.of()));

        assertThat(config.profiles()).containsExactly(
                new AgentProfile("agent-01", CollectorRole.SENIOR, Set.of("cs", "en"), Set.of("north"),
                        List.of(WorkQueue.SPECIAL, WorkQueue.SENIOR, WorkQueue.JUNIOR)),
                new AgentProfile("agent-02", CollectorRole.JUNIOR, Set.of(), Set.of("south"),
                        List.of(WorkQueue.JUNIOR, WorkQueue.SENIOR)));
        assertThat(config.queues().teamOf("late-stage")).contains("north");
        assertThat(config.wrapUpTimes().forCampaign("late-stage")).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.wrapUpTimes().forCampaign("demo")).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.pauseReasons().chosenByAgents()).containsExactly("BREAK", "MEETING");
        assertThat(config.pinDigests()).containsOnlyKeys("agent-01");
    }

    @Test
    void aMistypedAgentEntryIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> RoutingConfigLoader.profiles("agent-01:BOSS:cs:north"))
                .hasMessageContaining("collector.routing.agents").hasMessageContaining("BOSS");
        assertThatThrownBy(() -> RoutingConfigLoader.profiles("agent-01:SENIOR"))
                .hasMessageContaining("id:ROLE:languages:teams");
    }
}
