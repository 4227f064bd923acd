package dev.collector.console.supervisor;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in supervisors by an unguessable token (the page keeps it in an HttpOnly cookie). Every
 * request resolves the token here on the server: the page never says who is acting. Sessions end
 * after a shift; a restart logs everyone out.
 */
public final class SupervisorSessions {

    static final Duration SHIFT = Duration.ofHours(12);

    private record Session(String supervisorId, Instant expires) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Clock clock;

    public SupervisorSessions(Clock clock) {
        this.clock = clock;
    }

    public String open(String supervisorId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byToken.put(token, new Session(supervisorId, clock.instant().plus(SHIFT)));
        byToken.values().removeIf(s -> s.expires().isBefore(clock.instant()));
        return token;
    }

    /** The supervisor the token was given to, while the session lasts. */
    public Optional<String> supervisorOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session session = byToken.get(token);
        if (session == null || session.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(session.supervisorId());
    }

    public void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }
}
