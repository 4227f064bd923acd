package dev.collector.console.agentdesktop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Who may log in as which agent: an agent with a PIN digest must give the PIN, so nobody can sign
 * in as a colleague (and see the colleague's case) by typing or sending another id. An agent
 * without one logs in with the id alone, as on the demo floor.
 */
public final class AgentLogins {

    private final Map<String, byte[]> pinDigests;

    /** @param pinDigests agent id to the SHA-256 of the PIN, in hex */
    public AgentLogins(Map<String, String> pinDigests) {
        this.pinDigests = Map.copyOf(pinDigests.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> HexFormat.of().parseHex(e.getValue().toLowerCase(Locale.ROOT)))));
    }

    public static AgentLogins open() {
        return new AgentLogins(Map.of());
    }

    public boolean needsPin(String agentId) {
        return pinDigests.containsKey(agentId);
    }

    public boolean admits(String agentId, String pin) {
        byte[] expected = pinDigests.get(agentId);
        // compared in constant time, so the answer's timing tells nothing about the digest
        return expected == null || MessageDigest.isEqual(expected, sha256(pin));
    }

    public static String digestOf(String pin) {
        return HexFormat.of().formatHex(sha256(pin));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
