package dev.collector.pbx.manager;

import dev.collector.pbx.ami.AmiPacket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;

/**
 * Login, Challenge and Logoff as Asterisk 22 answers them. Asterisk-Java asks for an MD5
 * challenge, then logs in with {@code Key = md5(challenge + secret)}; plain {@code Secret} works
 * too. A failed login is answered "Authentication failed" and the connection closed (Asterisk
 * first sleeps a second; the simulator does not, to keep tests fast).
 */
final class AuthenticationActions {

    private static final SecureRandom CHALLENGES = new SecureRandom();
    private static final DateTimeFormatter EVENT_TV =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    void register(Map<String, ActionHandler> actions) {
        actions.put("login", this::login);
        actions.put("challenge", this::challenge);
        actions.put("logoff", this::logoff);
    }

    private void challenge(ManagerSession session, AmiPacket action) {
        if (!action.headerOrEmpty("AuthType").equalsIgnoreCase("MD5")) {
            session.send(Responses.error(action, "Must specify AuthType"));
            return;
        }
        // Asterisk prints ast_random() with %ld into a 10-byte buffer: up to nine digits
        String challenge = session.challenge(() -> Integer.toString(100_000_000 + CHALLENGES.nextInt(900_000_000)));
        session.send(Responses.successStart(action).add("Challenge", challenge).build());
    }

    private void login(ManagerSession session, AmiPacket action) {
        if (session.authenticated()) {
            session.send(Responses.success(action, "Already authenticated"));
            return;
        }
        ManagerAccount account = session.manager().account();
        boolean usingPassword = action.header("Key").isEmpty();
        if (!action.headerOrEmpty("Username").equalsIgnoreCase(account.username())
                || !(usingPassword ? passwordMatches(action, account) : keyMatches(session, action, account))) {
            session.sendThenClose(Responses.error(action, "Authentication failed"));
            return;
        }
        EventMask mask = action.header("Events").map(EventMask::parse).orElse(EventMask.ALL);
        session.loggedIn(account.username(), mask);
        session.send(Responses.success(action, "Authentication accepted"));
        Instant now = session.manager().core().clock().instant();
        if (mask.accepts("system,all")) {
            long uptime = Duration.between(session.manager().startedAt(), now).toSeconds();
            session.send(AmiPacket.event("FullyBooted", "system,all")
                    .add("Uptime", uptime)
                    .add("LastReload", uptime)
                    .add("Status", "Fully Booted")
                    .build());
        }
        session.manager().events().subscribe(session);
        session.manager().events().emit(successfulAuth(session, now, usingPassword));
    }

    private void logoff(ManagerSession session, AmiPacket action) {
        session.sendThenClose(AmiPacket.response("Goodbye")
                .actionId(Responses.actionId(action))
                .add("Message", "Thanks for all the fish.")
                .build());
    }

    private static boolean passwordMatches(AmiPacket action, ManagerAccount account) {
        return action.header("Secret").map(account.secret()::equals).orElse(false);
    }

    private static boolean keyMatches(ManagerSession session, AmiPacket action, ManagerAccount account) {
        if (!action.headerOrEmpty("AuthType").equalsIgnoreCase("MD5")) {
            return false;
        }
        return session.currentChallenge()
                .map(challenge -> md5Hex(challenge + account.secret()).equalsIgnoreCase(action.headerOrEmpty("Key")))
                .orElse(false);
    }

    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** The security event every session sees after a login, as in the captures. */
    private static AmiPacket successfulAuth(ManagerSession session, Instant now, boolean usingPassword) {
        String stamp = EVENT_TV.format(now);
        return AmiPacket.event("SuccessfulAuth", "security,all")
                .add("EventTV", stamp)
                .add("Severity", "Informational")
                .add("Service", "AMI")
                .add("EventVersion", "1")
                .add("AccountID", session.username())
                .add("SessionID", String.format("0x%012x", 0x7f2678000000L + session.connection().id() * 0x1000L))
                .add("LocalAddress", session.connection().localAddress())
                .add("RemoteAddress", session.connection().remoteAddress())
                .add("UsingPassword", usingPassword ? "1" : "0")
                .add("SessionTV", stamp)
                .build();
    }
}
