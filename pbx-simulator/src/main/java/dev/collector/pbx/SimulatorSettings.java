package dev.collector.pbx;

import dev.collector.pbx.world.DebtorBehaviour;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the simulator. Start from {@link #defaults()} and change what matters:
 *
 * <pre>{@code
 * SimulatorSettings.defaults().withTimeScale(0.01).withSeed(7)
 * }</pre>
 *
 * @param host address to listen on
 * @param port TCP port; 0 picks a free one, read it back from {@link PbxSimulator#port()}
 * @param username manager user, as in manager.conf
 * @param secret its secret, for MD5 challenge logins (what Asterisk-Java does) and plain ones
 * @param debtors how simulated debtors answer, ring and talk
 * @param seed makes the debtors' choices repeatable
 * @param timeScale factor applied to every simulated duration: 0.1 runs ten times faster
 * @param agentAnswerDelay simulated time an agent takes to pick up when the answered debtor leg
 *     dials it
 * @param maxChannels the most channels alive at once, as {@code maxcalls} in asterisk.conf: an
 *     Originate that would exceed it fails (Reason 0, no channel); 0 means no limit
 */
public record SimulatorSettings(
        String host,
        int port,
        String username,
        String secret,
        DebtorBehaviour debtors,
        long seed,
        double timeScale,
        Duration agentAnswerDelay,
        int maxChannels) {

    public SimulatorSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535: " + port);
        }
        Objects.requireNonNull(username, "username");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(debtors, "debtors");
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be positive and finite: " + timeScale);
        }
        Objects.requireNonNull(agentAnswerDelay, "agentAnswerDelay");
        if (agentAnswerDelay.isNegative()) {
            throw new IllegalArgumentException("agentAnswerDelay must not be negative: " + agentAnswerDelay);
        }
        if (maxChannels < 0) {
            throw new IllegalArgumentException("maxChannels must not be negative (0 = no limit): " + maxChannels);
        }
    }

    /** Without a channel limit. */
    public SimulatorSettings(String host, int port, String username, String secret, DebtorBehaviour debtors,
            long seed, double timeScale, Duration agentAnswerDelay) {
        this(host, port, username, secret, debtors, seed, timeScale, agentAnswerDelay, 0);
    }

    /**
     * Loopback, a free port, user {@code collector} / {@code collector}, the default debtor
     * population, seed 1, real time, agents picking up after one second.
     */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings("127.0.0.1", 0, "collector", "collector", DebtorBehaviour.defaults(), 1L, 1.0,
                Duration.ofSeconds(1));
    }

    public SimulatorSettings withHost(String newHost) {
        return new SimulatorSettings(newHost, port, username, secret, debtors, seed, timeScale,
                agentAnswerDelay, maxChannels);
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(host, newPort, username, secret, debtors, seed, timeScale,
                agentAnswerDelay, maxChannels);
    }

    public SimulatorSettings withUsername(String newUsername) {
        return new SimulatorSettings(host, port, newUsername, secret, debtors, seed, timeScale,
                agentAnswerDelay, maxChannels);
    }

    public SimulatorSettings withSecret(String newSecret) {
        return new SimulatorSettings(host, port, username, newSecret, debtors, seed, timeScale,
                agentAnswerDelay, maxChannels);
    }

    public SimulatorSettings withDebtors(DebtorBehaviour newDebtors) {
        return new SimulatorSettings(host, port, username, secret, newDebtors, seed, timeScale,
                agentAnswerDelay, maxChannels);
    }

    public SimulatorSettings withSeed(long newSeed) {
        return new SimulatorSettings(host, port, username, secret, debtors, newSeed, timeScale,
                agentAnswerDelay, maxChannels);
    }

    public SimulatorSettings withTimeScale(double newTimeScale) {
        return new SimulatorSettings(host, port, username, secret, debtors, seed, newTimeScale,
                agentAnswerDelay, maxChannels);
    }

    public SimulatorSettings withAgentAnswerDelay(Duration newDelay) {
        return new SimulatorSettings(host, port, username, secret, debtors, seed, timeScale,
                newDelay, maxChannels);
    }

    public SimulatorSettings withMaxChannels(int newMaxChannels) {
        return new SimulatorSettings(host, port, username, secret, debtors, seed, timeScale, agentAnswerDelay,
                newMaxChannels);
    }
}
