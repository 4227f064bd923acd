package dev.collector.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bytes on the wire, checked with a plain socket: what any AMI client sees first. */
class AmiWireProtocolTest {

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
    void greets_with_the_asterisk_22_banner_line() throws IOException {
        try (RawAmi ami = new RawAmi(pbx.port())) {
            assertThat(ami.readLine()).isEqualTo("Asterisk Call Manager/11.0.0\r\n");
        }
    }

    @Test
    void md5_challenge_login_is_answered_byte_for_byte_like_asterisk() throws Exception {
        try (RawAmi ami = new RawAmi(pbx.port())) {
            ami.readLine();
            ami.write("Action: Challenge\r\nActionID: c1\r\nAuthType: MD5\r\n\r\n");
            String challengeResponse = ami.readPacket();
            Matcher challenge = Pattern.compile("Response: Success\r\nActionID: c1\r\nChallenge: ([0-9]{9})\r\n\r\n")
                    .matcher(challengeResponse);
            assertThat(challenge.matches()).as(challengeResponse).isTrue();

            String key = md5(challenge.group(1) + "collector");
            ami.write("Action: Login\r\nActionID: l1\r\nUsername: collector\r\nAuthType: MD5\r\nKey: " + key + "\r\n\r\n");
            assertThat(ami.readPacket())
                    .isEqualTo("Response: Success\r\nActionID: l1\r\nMessage: Authentication accepted\r\n\r\n");
            assertThat(ami.readPacket()).matches(
                    "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: \\d+\r\nLastReload: \\d+\r\n"
                            + "Status: Fully Booted\r\n\r\n");
            assertThat(ami.readPacket())
                    .startsWith("Event: SuccessfulAuth\r\nPrivilege: security,all\r\n")
                    .contains("AccountID: collector\r\n", "Service: AMI\r\n", "UsingPassword: 0\r\n");

            ami.write("Action: Logoff\r\nActionID: bye\r\n\r\n");
            assertThat(ami.readPacket())
                    .isEqualTo("Response: Goodbye\r\nActionID: bye\r\nMessage: Thanks for all the fish.\r\n\r\n");
            assertThat(ami.endOfStream()).isTrue();
        }
    }

    @Test
    void a_wrong_key_fails_authentication_and_closes_the_connection() throws Exception {
        try (RawAmi ami = new RawAmi(pbx.port())) {
            ami.readLine();
            ami.write("Action: Challenge\r\nActionID: c1\r\nAuthType: MD5\r\n\r\n");
            ami.readPacket();
            ami.write("Action: Login\r\nActionID: l1\r\nUsername: collector\r\nAuthType: MD5\r\nKey: "
                    + md5("not-the-challenge") + "\r\n\r\n");
            assertThat(ami.readPacket())
                    .isEqualTo("Response: Error\r\nActionID: l1\r\nMessage: Authentication failed\r\n\r\n");
            assertThat(ami.endOfStream()).isTrue();
        }
    }

    @Test
    void actions_before_login_are_denied_and_unknown_actions_named() throws Exception {
        try (RawAmi ami = new RawAmi(pbx.port())) {
            ami.readLine();
            ami.write("Action: Ping\r\nActionID: p0\r\n\r\n");
            assertThat(ami.readPacket()).isEqualTo("Response: Error\r\nActionID: p0\r\nMessage: Permission denied\r\n\r\n");

            ami.write("Action: Login\r\nActionID: l1\r\nUsername: collector\r\nSecret: collector\r\nEvents: off\r\n\r\n");
            assertThat(ami.readPacket())
                    .isEqualTo("Response: Success\r\nActionID: l1\r\nMessage: Authentication accepted\r\n\r\n");

            ami.write("Action: FlyToTheMoon\r\nActionID: u1\r\n\r\n");
            assertThat(ami.readPacket()).isEqualTo("Response: Error\r\nActionID: u1\r\nMessage: Invalid/unknown command: "
                    + "FlyToTheMoon. Use Action: ListCommands to show available commands.\r\n\r\n");

            ami.write("Action: Ping\r\nActionID: p1\r\n\r\n");
            assertThat(ami.readPacket()).matches("Response: Success\r\nActionID: p1\r\nPing: Pong\r\n"
                    + "Timestamp: \\d+\\.\\d{6}\r\n\r\n");

            ami.write("Action: CoreSettings\r\nActionID: s1\r\n\r\n");
            assertThat(ami.readPacket()).startsWith("Response: Success\r\nActionID: s1\r\nAMIversion: 11.0.0\r\n"
                    + "AsteriskVersion: 22.10.1\r\n");
        }
    }

    @Test
    void a_channel_that_cannot_be_created_fails_with_reason_0_and_no_channel_events() throws Exception {
        try (RawAmi ami = new RawAmi(pbx.port())) {
            ami.readLine();
            ami.write("Action: Login\r\nActionID: l1\r\nUsername: collector\r\nSecret: collector\r\nEvents: call\r\n\r\n");
            ami.readPacket();
            ami.write("Action: Originate\r\nActionID: bad\r\nChannel: Bogus/5550009\r\nContext: connect\r\n"
                    + "Exten: agent\r\nPriority: 1\r\nAsync: true\r\n\r\n");
            assertThat(ami.readPacket())
                    .isEqualTo("Response: Success\r\nActionID: bad\r\nMessage: Originate successfully queued\r\n\r\n");
            assertThat(ami.readPacket()).isEqualTo("Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: bad\r\n"
                    + "Response: Failure\r\nChannel: Bogus/5550009\r\nContext: connect\r\nExten: agent\r\nReason: 0\r\n"
                    + "Uniqueid: <unknown>\r\nCallerIDNum: <unknown>\r\nCallerIDName: <unknown>\r\n\r\n");

            ami.write("Action: Originate\r\nActionID: nochan\r\nContext: connect\r\nAsync: true\r\n\r\n");
            assertThat(ami.readPacket())
                    .isEqualTo("Response: Error\r\nActionID: nochan\r\nMessage: Channel not specified\r\n\r\n");
        }
    }

    private static String md5(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }

    /** A bare TCP client reading exactly what the server wrote. */
    private static final class RawAmi implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;

        RawAmi(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5000);
            in = socket.getInputStream();
        }

        void write(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }

        String readLine() throws IOException {
            return readUntil("\r\n");
        }

        String readPacket() throws IOException {
            return readUntil("\r\n\r\n");
        }

        boolean endOfStream() throws IOException {
            return in.read() == -1;
        }

        private String readUntil(String terminator) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b == -1) {
                    throw new IOException("connection closed after: " + bytes.toString(StandardCharsets.UTF_8));
                }
                bytes.write(b);
                if (bytes.toString(StandardCharsets.UTF_8).endsWith(terminator)) {
                    return bytes.toString(StandardCharsets.UTF_8);
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
