package dev.collector.console.supervisor;

import dev.collector.console.agentdesktop.AgentLogins;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who may steer the floor: supervisor id to the SHA-256 of the supervisor's PIN, configured like
 * the agents' PINs. Unlike an agent, a supervisor never logs in without one: pausing a campaign
 * or an agent is not for whoever reaches the page.
 */
public final class SupervisorLogins {

    private final Map<String, byte[]> pinDigests;

    /** @param pinDigests supervisor id to the SHA-256 of the PIN, in hex */
    public SupervisorLogins(Map<String, String> pinDigests) {
        pinDigests.forEach((id, digest) -> {
            if (id.isBlank() || !digest.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("supervisor PIN of '" + id
                        + "': must be an id with a SHA-256 digest in hex (printf %s \"$PIN\" | sha256sum)");
            }
        });
        this.pinDigests = pinDigests.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> HexFormat.of().parseHex(e.getValue().toLowerCase(Locale.ROOT))));
    }

    /** No supervisor: the wall can be seen by nobody and steered by nobody. */
    public static SupervisorLogins none() {
        return new SupervisorLogins(Map.of());
    }

    public boolean any() {
        return !pinDigests.isEmpty();
    }

    public boolean admits(String supervisorId, String pin) {
        byte[] expected = pinDigests.get(supervisorId);
        // an unknown id is still hashed and compared, so timing tells no one which ids exist
        byte[] given = HexFormat.of().parseHex(AgentLogins.digestOf(pin));
        return MessageDigest.isEqual(expected == null ? new byte[32] : expected, given) && expected != null;
    }
}
