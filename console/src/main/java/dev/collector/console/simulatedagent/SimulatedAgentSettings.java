package dev.collector.console.simulatedagent;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * One simulated agent: where the console is, who to log in as, and how it behaves.
 *
 * @param seed        seeds the agent's {@link java.util.Random}: the same seed and the same calls give
 *                    the same dispositions
 * @param thinkTime   how long the agent waits for the debtor to hang up before it dispositions
 *                    anyway (agents may record while still on the call)
 * @param wrapUpDelay the time the agent takes to fill in the form once the talking is done
 * @param clock       the clock the console uses: promised dates are counted from the debtor's today,
 *                    callback times from its now
 */
public record SimulatedAgentSettings(
        String host,
        int port,
        String agentId,
        long seed,
        DispositionMix mix,
        Duration thinkTime,
        Duration wrapUpDelay,
        Clock clock) {

    public SimulatedAgentSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(mix, "mix");
        Objects.requireNonNull(thinkTime, "thinkTime");
        Objects.requireNonNull(wrapUpDelay, "wrapUpDelay");
        Objects.requireNonNull(clock, "clock");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        if (thinkTime.isNegative() || wrapUpDelay.isNegative()) {
            throw new IllegalArgumentException("think time and wrap-up delay must not be negative");
        }
    }

    /** The typical mix, up to 3 s waiting for the hang-up, 500 ms of wrap-up, the system clock. */
    public static SimulatedAgentSettings of(String host, int port, String agentId, long seed) {
        return new SimulatedAgentSettings(host, port, agentId, seed, DispositionMix.typical(),
                Duration.ofSeconds(3), Duration.ofMillis(500), Clock.systemUTC());
    }

    public SimulatedAgentSettings withMix(DispositionMix newMix) {
        return new SimulatedAgentSettings(host, port, agentId, seed, newMix, thinkTime, wrapUpDelay, clock);
    }

    public SimulatedAgentSettings withThinkTime(Duration newThinkTime) {
        return new SimulatedAgentSettings(host, port, agentId, seed, mix, newThinkTime, wrapUpDelay, clock);
    }

    public SimulatedAgentSettings withWrapUpDelay(Duration newWrapUpDelay) {
        return new SimulatedAgentSettings(host, port, agentId, seed, mix, thinkTime, newWrapUpDelay, clock);
    }

    public SimulatedAgentSettings withClock(Clock newClock) {
        return new SimulatedAgentSettings(host, port, agentId, seed, mix, thinkTime, wrapUpDelay, newClock);
    }
}
