package dev.collector.pbx;

import dev.collector.pbx.manager.ManagerInterface;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own, for demos and for a dialer started by hand:
 *
 * <pre>
 * java dev.collector.pbx.PbxSimulatorMain --port=5038 --username=collector --secret=collector \
 *     --time-scale=0.1 --seed=7 --agent-answer-delay-ms=1000 --host=0.0.0.0 --max-channels=2000 \
 *     --amd-accuracy=0.9 --timestamp-events=true
 * </pre>
 * Each option can also be given as a system property: {@code -Dpbx.port=5038},
 * {@code -Dpbx.timeScale=0.1}, ... Arguments win over properties. The port defaults to 5038, as
 * Asterisk's.
 */
public final class PbxSimulatorMain {

    private PbxSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = parse(args);
        SimulatorSettings defaults = SimulatorSettings.defaults();
        SimulatorSettings settings = defaults
                .withHost(option(options, "host", "pbx.host", defaults.host()))
                .withPort(Integer.parseInt(option(options, "port", "pbx.port", "5038")))
                .withUsername(option(options, "username", "pbx.username", defaults.username()))
                .withSecret(option(options, "secret", "pbx.secret", defaults.secret()))
                .withTimeScale(Double.parseDouble(option(options, "time-scale", "pbx.timeScale", "1.0")))
                .withSeed(Long.parseLong(option(options, "seed", "pbx.seed", Long.toString(defaults.seed()))))
                .withAgentAnswerDelay(Duration.ofMillis(Long.parseLong(option(options, "agent-answer-delay-ms",
                        "pbx.agentAnswerDelayMs", Long.toString(defaults.agentAnswerDelay().toMillis())))))
                .withMaxChannels(Integer.parseInt(option(options, "max-channels", "pbx.maxChannels", "0")))
                .withDebtors(defaults.debtors().withAmdAccuracy(
                        Double.parseDouble(option(options, "amd-accuracy", "pbx.amdAccuracy", "1.0"))));

        PbxSimulator simulator = PbxSimulator.start(settings);
        simulator.timestampEvents(Boolean.parseBoolean(option(options, "timestamp-events", "pbx.timestampEvents",
                "false")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "pbx-simulator-shutdown"));
        System.out.printf("PBX simulator (Asterisk %s AMI) listening on %s:%d, user '%s', time scale %s%n",
                ManagerInterface.ASTERISK_VERSION, simulator.host(), simulator.port(),
                settings.username(), settings.timeScale());
        stopped.await();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got: " + arg);
            }
            int equals = arg.indexOf('=');
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return options;
    }

    private static String option(Map<String, String> options, String name, String property, String fallback) {
        return options.getOrDefault(name, System.getProperty(property, fallback));
    }
}
