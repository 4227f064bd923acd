package dev.collector.outcomes.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collector.outcomes.testing.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestNode.class)
class LocalCassandraNodeTest {

    private static final Path SCRATCH = Path.of("target", "node-test").toAbsolutePath();

    @Test
    void a_second_launch_reuses_the_node_already_listening(LocalCassandraNode running) {
        LocalCassandraNode second = LocalCassandraNode.startOrReuse(running.settings());

        assertThat(second.origin()).isEqualTo(LocalCassandraNode.Origin.REUSED);
        assertThat(second.pid()).isEmpty();
        assertThat(second.cqlAddress()).isEqualTo(running.cqlAddress());
        assertThat(second.releaseVersion()).isEqualTo(running.releaseVersion()).startsWith("5.0");

        second.close();

        assertThat(CqlProbe.releaseVersion(running.cqlAddress(), Duration.ofSeconds(5)).answered())
                .as("closing a reused node leaves it running").isTrue();
    }

    @Test
    void the_node_this_test_run_started_was_launched_here(LocalCassandraNode running) {
        assertThat(running.origin()).isEqualTo(LocalCassandraNode.Origin.STARTED);
        assertThat(running.pid()).isPresent();
        assertThat(running.settings().pidFile()).content().isEqualToIgnoringWhitespace(running.pid().get().toString());
        assertThat(running.settings().logFile()).content().contains("Starting listening for CQL clients");
    }

    @Test
    void a_missing_classpath_file_names_the_maven_command_that_builds_it() {
        NodeSettings settings = freshNode("missing-classpath").withClasspathFile(SCRATCH.resolve("no-such-file"));

        assertThatThrownBy(() -> LocalCassandraNode.startOrReuse(settings))
                .isInstanceOf(NodeStartException.class)
                .hasMessageContaining("no-such-file")
                .hasMessageContaining("mvn -B -q install -pl cassandra-node");
    }

    @Test
    void a_node_that_dies_while_starting_points_to_its_log(LocalCassandraNode running) throws IOException {
        Path build = SCRATCH.resolve("broken-build");
        Files.createDirectories(build.resolve("node-conf"));
        Path realConf = LocalCassandraNode.locateClasspathFile(running.settings()).resolveSibling("node-conf");
        for (String file : List.of("cassandra.yaml", "logback.xml")) {
            Files.copy(realConf.resolve(file), build.resolve("node-conf").resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Path classpath = Files.writeString(build.resolve("cassandra.classpath"),
                build.resolve("no-jars-here.jar").toString());
        NodeSettings settings = freshNode("dies-while-starting").withClasspathFile(classpath);

        assertThatThrownBy(() -> LocalCassandraNode.startOrReuse(settings))
                .isInstanceOf(NodeStartException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining(settings.logFile().toString())
                .hasMessageContaining("CassandraDaemon");
        assertThat(settings.pidFile()).doesNotExist();
    }

    private static NodeSettings freshNode(String name) {
        List<Integer> ports = TestNode.freePorts(4);
        Path dataDir = SCRATCH.resolve(name);
        TestNode.deleteRecursively(dataDir);
        return NodeSettings.defaults().withDataDir(dataDir)
                .withPorts(ports.get(0), ports.get(1), ports.get(2), ports.get(3))
                .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(5));
    }
}
