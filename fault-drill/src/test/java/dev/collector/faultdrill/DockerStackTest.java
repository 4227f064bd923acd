package dev.collector.faultdrill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of docker/ without Docker (the build machines have none): the compose file
 * and the Prometheus configuration parse, every {@code COLLECTOR_*} variable the compose file sets
 * is a setting the README documents, every file it mounts exists, the Hazelcast members it lists
 * are its Collector nodes, and the image starts nodes the way the drill and bin/collector-cluster do.
 */
class DockerStackTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final Path DOCKER = REPOSITORY.resolve("docker");
    private static final List<String> COLLECTOR_NODES = List.of("collector-1", "collector-2", "collector-3");

    @Test
    void theComposeFileRunsAsteriskThreeCassandraNodesThreeCollectorNodesAndPrometheus() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        assertThat(services).containsKeys("asterisk", "cassandra-1", "cassandra-2", "cassandra-3", "prometheus");
        assertThat(services).containsKeys(COLLECTOR_NODES.toArray(String[]::new));
        for (String node : COLLECTOR_NODES) {
            assertThat(list(map(services.get(node)).get("depends_on"))).allMatch(services::containsKey);
        }
    }

    @Test
    void everyCollectorVariableTheComposeFileSetsIsADocumentedSetting() throws IOException {
        Set<String> documented = new TreeSet<>();
        documentedKeys(Files.readString(REPOSITORY.resolve("README.md"))).forEach(k -> documented.add(environmentName(k)));
        assertThat(documented).hasSizeGreaterThan(50);
        Map<String, Object> services = map(compose().get("services"));
        Set<String> unknown = new TreeSet<>();
        for (String node : COLLECTOR_NODES) {
            Map<String, Object> environment = map(map(services.get(node)).get("environment"));
            assertThat(environment).containsKeys("COLLECTOR_HAZELCAST_HOST", "COLLECTOR_OUTCOMES_CONTACT_POINTS",
                    "COLLECTOR_AMI_HOST", "COLLECTOR_GRPC_CLIENTS");
            environment.keySet().stream().filter(k -> k.startsWith("COLLECTOR_")).filter(k -> !documented.contains(k))
                    .forEach(unknown::add);
        }
        assertThat(unknown).as("variables no setting answers to: a typo is silently ignored").isEmpty();
    }

    @Test
    void theHazelcastMembersAreTheCollectorNodesAddresses() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        List<String> addresses = new ArrayList<>();
        for (String node : COLLECTOR_NODES) {
            Map<String, Object> service = map(services.get(node));
            String address = String.valueOf(map(map(service.get("networks")).get("collector")).get("ipv4_address"));
            assertThat(map(service.get("environment")).get("COLLECTOR_HAZELCAST_HOST")).isEqualTo(address);
            addresses.add(address + ":5701");
            assertThat(String.valueOf(map(service.get("environment")).get("COLLECTOR_HAZELCAST_MEMBERS")).split(","))
                    .contains(address + ":5701");
        }
        assertThat(String.valueOf(map(map(services.get("collector-1")).get("environment")).get("COLLECTOR_HAZELCAST_MEMBERS"))
                .split(",")).containsExactlyInAnyOrderElementsOf(addresses);
    }

    @Test
    void everyFileTheStackMountsOrBuildsFromExists() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        List<String> sources = new ArrayList<>();
        services.values().forEach(service -> list(map(service).get("volumes")).forEach(v -> {
            String source = String.valueOf(v).split(":")[0];
            if (source.startsWith(".")) {
                sources.add(source);
            }
        }));
        assertThat(sources).contains("./asterisk/extensions_collector.conf", "./prometheus.yml");
        assertThat(sources).allMatch(s -> Files.isRegularFile(DOCKER.resolve(s).normalize()), "exists under docker/");
        Map<String, Object> build = map(map(services.get("collector-1")).get("build"));
        assertThat(Files.isRegularFile(DOCKER.resolve(String.valueOf(build.get("context")))
                .resolve(String.valueOf(build.get("dockerfile"))).normalize())).isTrue();
    }

    @Test
    void prometheusScrapesEveryCollectorNodeOnItsHttpPort() throws IOException {
        Map<String, Object> prometheus = new Yaml().load(Files.readString(DOCKER.resolve("prometheus.yml")));
        Map<String, Object> job = map(list(prometheus.get("scrape_configs")).get(0));
        assertThat(job.get("metrics_path")).isEqualTo("/metrics");
        List<Object> targets = list(map(list(job.get("static_configs")).get(0)).get("targets"));
        // 8080: the default collector.http.port, which the compose file leaves as it is
        assertThat(targets).containsExactlyInAnyOrderElementsOf(COLLECTOR_NODES.stream().map(n -> n + ":8080").toList());
    }

    @Test
    void theImageStartsANodeTheWayTheDrillDoes() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        Matcher entrypoint = Pattern.compile("^ENTRYPOINT (.*)$", Pattern.MULTILINE).matcher(dockerfile);
        assertThat(entrypoint.find()).isTrue();
        String command = entrypoint.group(1);
        assertThat(command).contains(NodeProcess.MAIN_CLASS);
        assertThat(command).contains(String.join(" ", NodeProcess.JVM_FLAGS));
        assertThat(Files.readString(REPOSITORY.resolve("bin/collector-cluster"))).contains(NodeProcess.MAIN_CLASS);
    }

    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(DOCKER.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    /** README's table: a full key first in its row, then keys relative to its parent ({@code / `port`}). */
    private static Set<String> documentedKeys(String readme) {
        Set<String> keys = new TreeSet<>();
        Matcher row = Pattern.compile("^\\|\\s*(`collector\\.[^|]*)\\|", Pattern.MULTILINE).matcher(readme);
        while (row.find()) {
            Matcher code = Pattern.compile("`([^`]+)`").matcher(row.group(1));
            String parent = null;
            while (code.find()) {
                String key = code.group(1).trim();
                if (key.startsWith("collector.")) {
                    keys.add(key);
                    parent = key.substring(0, key.lastIndexOf('.'));
                } else if (parent != null) {
                    keys.add(parent + "." + key);
                }
            }
        }
        return keys;
    }

    /** As ConfigSource names a setting's environment variable. */
    private static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
