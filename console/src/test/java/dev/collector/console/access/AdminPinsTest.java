package dev.collector.console.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collector.console.agentdesktop.AgentLogins;
import org.junit.jupiter.api.Test;

class AdminPinsTest {

    @Test
    void administratorsAreReadAsIdAndPinDigest() {
        String digest = AgentLogins.digestOf("9876");

        assertThat(AdminPins.parse(" ad1:" + digest + ", ,ad2:" + digest.toUpperCase()))
                .containsOnlyKeys("ad1", "ad2").containsEntry("ad1", digest);
        assertThat(AdminPins.parse("")).isEmpty();
    }

    @Test
    void aPinWrittenWhereItsDigestBelongsIsRefusedNamingTheSettingButNotThePin() {
        assertThatThrownBy(() -> AdminPins.parse("ad1:9876"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collector.admins.pins").hasMessageContaining("ad1")
                .hasMessageNotContaining("9876");
    }

    @Test
    void anAdministratorListedTwiceIsRefused() {
        String digest = AgentLogins.digestOf("1");

        assertThatThrownBy(() -> AdminPins.parse("ad1:" + digest + ",ad1:" + digest))
                .hasMessageContaining("listed twice");
    }
}
