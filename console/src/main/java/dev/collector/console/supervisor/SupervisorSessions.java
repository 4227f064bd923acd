package dev.collector.console.supervisor;

import dev.collector.domain.access.Role;
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

    private record Session(String supervisorId, Role role, Instant expires) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Clock clock;

    public SupervisorSessions(Clock clock) {
        this.clock = clock;
    }

    public String open(String supervisorId) {
        return open(supervisorId, Role.SUPERVISOR);
    }

    /** @param role {@link Role#SUPERVISOR}, or {@link Role#ADMIN} for an administrator on the wall */
    public String open(String supervisorId, Role role) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byToken.put(token, new Session(supervisorId, role, clock.instant().plus(SHIFT)));
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

    /** Who the token was given to and in which role, while the session lasts. */
    public Optional<dev.collector.console.access.WebPrincipal> principalOf(String token) {
        Session session = token == null ? null : byToken.get(token);
        if (session == null || session.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new dev.collector.console.access.WebPrincipal(session.supervisorId(), session.role()));
    }

    public void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }
}
