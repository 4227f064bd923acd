package dev.collector.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.response.CommandResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.manager.response.PingResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Asterisk-Java logs in, detects Asterisk 22, pings and logs off as with the real server. */
class AsteriskJavaSessionTest {

    private static PbxSimulator pbx;

    @BeforeAll
    static void start() {
        pbx = PbxSimulator.start(SimulatorSettings.defaults().withTimeScale(0.01));
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void asterisk_java_logs_in_and_detects_asterisk_22() throws Exception {
        try (AmiTestClient ami = AmiTestClient.connect(pbx)) {
            assertThat(ami.connection.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
            assertThat(ami.connection.getProtocolIdentifier()).isEqualTo("Asterisk Call Manager/11.0.0");
            assertThat(ami.connection.getVersion()).isEqualTo(AsteriskVersion.ASTERISK_22);
        }
    }

    @Test
    void a_wrong_secret_is_an_authentication_failure() {
        ManagerConnection connection = new ManagerConnectionFactory("127.0.0.1", pbx.port(), "collector", "wrong")
                .createManagerConnection();
        assertThatThrownBy(connection::login)
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("Authentication failed");
        assertThat(connection.getState()).isEqualTo(ManagerConnectionState.DISCONNECTED);
    }

    @Test
    void ping_is_answered_with_pong() throws Exception {
        try (AmiTestClient ami = AmiTestClient.connect(pbx)) {
            ManagerResponse response = ami.send(new PingAction());
            assertThat(response).isInstanceOf(PingResponse.class);
            assertThat(((PingResponse) response).getPing()).isEqualTo("Pong");
            assertThat(response.getResponse()).isEqualTo("Success");
        }
    }

    @Test
    void core_show_version_names_asterisk_22() throws Exception {
        try (AmiTestClient ami = AmiTestClient.connect(pbx)) {
            ManagerResponse response = ami.connection.sendAction(new CommandAction("core show version"));
            assertThat(response).isInstanceOf(CommandResponse.class);
            assertThat(((CommandResponse) response).getResult()).singleElement().asString().startsWith("Asterisk 22.10.1 ");
        }
    }

    @Test
    void logoff_ends_the_session_cleanly() throws Exception {
        AmiTestClient ami = AmiTestClient.connect(pbx);
        ami.connection.logoff();
        assertThat(ami.connection.getState()).isEqualTo(ManagerConnectionState.DISCONNECTED);
    }
}
